import {
  TEMPLATE_STATUS_LABELS,
  TemplateStatus,
  urlVariable,
  variableNames,
  type MessageTemplateDto,
  type TemplateButtonInput,
  type TemplateContent,
  type TemplateDraft,
} from '@ticklegram/domain-models';

/** What the create/edit form holds (strings only, so every input is controlled). */
export interface TemplateFormState {
  channelId: string;
  name: string;
  language: string;
  header: string;
  body: string;
  examples: Record<string, string>;
  footer: string;
  buttons: TemplateButtonInput[];
}

export function emptyTemplateForm(channelId: string): TemplateFormState {
  return { channelId, name: '', language: 'en_US', header: '', body: '', examples: {}, footer: '', buttons: [] };
}

export function formFromTemplate(template: MessageTemplateDto): TemplateFormState {
  const c = template.content;
  return {
    channelId: template.channelId,
    name: template.name,
    language: template.language,
    header: c.header?.format === 'TEXT' ? c.header.text : '',
    body: c.body,
    examples: { ...c.examples },
    footer: c.footer ?? '',
    buttons: c.buttons.flatMap((b): TemplateButtonInput[] =>
      b.type === 'URL'
        ? [{ type: 'URL', text: b.text, url: b.url, urlExample: b.urlExample ?? '' }]
        : b.type === 'QUICK_REPLY'
          ? [{ type: 'QUICK_REPLY', text: b.text, payload: b.payload ?? '' }]
          : [],
    ),
  };
}

/** The examples of the body's variables only (an edited body drops the examples of removed variables, keeps the others). */
export function examplesFor(body: string, examples: Record<string, string>): Record<string, string> {
  return Object.fromEntries(variableNames(body).map((name) => [name, examples[name] ?? '']));
}

/** The request body for the api (and for `validateTemplateDraft`): empty optional parts left out. */
export function draftFromForm(form: TemplateFormState): TemplateDraft {
  return {
    name: form.name.trim(),
    language: form.language,
    header: form.header.trim() ? form.header : null,
    body: form.body,
    examples: examplesFor(form.body, form.examples),
    footer: form.footer.trim() ? form.footer : null,
    buttons: form.buttons.map((b) =>
      b.type === 'URL'
        ? { type: 'URL', text: b.text, url: (b.url ?? '').trim(), urlExample: b.url && urlVariable(b.url.trim()) !== null ? (b.urlExample ?? '') : null }
        : { type: 'QUICK_REPLY', text: b.text, payload: b.payload?.trim() ? b.payload : null },
    ),
  };
}

/** The content the preview shows while the form is edited (what the customer will see, with the examples). */
export function previewContent(form: TemplateFormState): TemplateContent {
  const draft = draftFromForm(form);
  return {
    parameterFormat: variableNames(form.body).some((n) => !/^\d+$/.test(n)) ? 'NAMED' : 'POSITIONAL',
    header: draft.header ? { format: 'TEXT', text: draft.header } : null,
    body: form.body,
    examples: draft.examples ?? {},
    footer: draft.footer ?? null,
    buttons: (draft.buttons ?? []).map((b) =>
      b.type === 'URL'
        ? { type: 'URL', text: b.text, url: b.url ?? '', urlExample: b.urlExample ?? null }
        : { type: 'QUICK_REPLY', text: b.text, payload: b.payload ?? null },
    ),
  };
}

export type StatusTone = 'success' | 'muted' | 'destructive' | 'outline' | 'secondary';

export function statusBadge(status: TemplateStatus): { label: string; tone: StatusTone } {
  const tone: Record<TemplateStatus, StatusTone> = {
    [TemplateStatus.DRAFT]: 'outline',
    [TemplateStatus.PENDING]: 'secondary',
    [TemplateStatus.APPROVED]: 'success',
    [TemplateStatus.REJECTED]: 'destructive',
    [TemplateStatus.PAUSED]: 'muted',
    [TemplateStatus.DISABLED]: 'destructive',
  };
  return { label: TEMPLATE_STATUS_LABELS[status], tone: tone[status] };
}
