import { TEMPLATE_STATUSES, type MessageTemplateDto, type TemplateStatus } from '@ticklegram/domain-models';

/** The Templates page's filters; they live in the URL (`?status=APPROVED&q=order&page=<channel id>`). */
export interface TemplateFilters {
  status: TemplateStatus | null;
  search: string;
  channelId: string | null;
}

export function parseTemplateFilters(params: URLSearchParams): TemplateFilters {
  const status = params.get('status');
  return {
    status: TEMPLATE_STATUSES.find((s) => s === status) ?? null,
    search: params.get('q') ?? '',
    channelId: params.get('page') || null,
  };
}

export function templateFiltersToParams(filters: TemplateFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.channelId) params.set('page', filters.channelId);
  return params;
}

export function filterTemplates(templates: readonly MessageTemplateDto[], filters: TemplateFilters): MessageTemplateDto[] {
  const search = filters.search.trim().toLowerCase();
  return templates.filter(
    (t) =>
      (!filters.status || t.status === filters.status) &&
      (!filters.channelId || t.channelId === filters.channelId) &&
      (!search || t.name.toLowerCase().includes(search) || t.content.body.toLowerCase().includes(search)),
  );
}
