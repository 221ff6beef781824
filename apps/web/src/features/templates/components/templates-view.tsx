'use client';

import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { BookOpen, FileText, Pencil, Plus, RefreshCw, Search, Send, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import {
  ChannelStatus,
  MessagePlatform,
  Role,
  TEMPLATE_STATUSES,
  TEMPLATE_STATUS_LABELS,
  TemplateStatus,
  templateLanguageLabel,
  type MessageTemplateDto,
} from '@ticklegram/domain-models';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useAuth } from '../../auth/auth-provider';
import { useChannels } from '../../channels/api';
import { useDeleteTemplate, useSubmitTemplate, useSyncTemplates, useTemplates } from '../api';
import { filterTemplates, parseTemplateFilters, templateFiltersToParams, type TemplateFilters } from '../template-filters';
import { LibraryDialog } from './library-dialog';
import { TemplateFormDialog } from './template-form-dialog';
import { TemplatePreview } from './template-preview';
import { TemplateStatusBadge } from './template-status-badge';

const FIELD =
  'h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50';
const REASON_TONE: Partial<Record<TemplateStatus, string>> = {
  [TemplateStatus.REJECTED]: 'text-destructive',
  [TemplateStatus.DISABLED]: 'text-destructive',
  [TemplateStatus.PAUSED]: 'text-amber-700 dark:text-amber-300',
};

function useTemplateFilters(): [TemplateFilters, (patch: Partial<TemplateFilters>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const filters = React.useMemo(() => parseTemplateFilters(new URLSearchParams(params.toString())), [params]);
  const set = React.useCallback(
    (patch: Partial<TemplateFilters>) => {
      const next = templateFiltersToParams({ ...filters, ...patch }).toString();
      router.replace(`${window.location.pathname}${next ? `?${next}` : ''}`, { scroll: false });
    },
    [filters, router],
  );
  return [filters, set];
}

function TemplateRow({
  template,
  selected,
  onSelect,
  pageName,
  admin,
  onEdit,
}: {
  template: MessageTemplateDto;
  selected: boolean;
  onSelect: () => void;
  pageName: string | null;
  admin: boolean;
  onEdit: () => void;
}) {
  const submit = useSubmitTemplate();
  const remove = useDeleteTemplate();
  return (
    <li
      className={cn('rounded-xl border bg-card p-4 transition-colors', selected && 'border-primary ring-1 ring-primary/40')}
      data-testid="template-row"
      data-name={template.name}
      data-status={template.status}
    >
      <div className="flex flex-wrap items-start gap-3">
        <button
          type="button"
          onClick={onSelect}
          className="min-w-0 flex-1 rounded-sm text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          aria-pressed={selected}
        >
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium break-all">{template.name}</span>
            <TemplateStatusBadge status={template.status} />
            <span className="text-xs text-muted-foreground">
              {templateLanguageLabel(template.language)}
              {pageName ? ` · ${pageName}` : ''}
              {template.libraryTemplateName ? ' · from Meta’s library' : ''}
            </span>
          </span>
          <span className="mt-1 line-clamp-2 block text-sm text-muted-foreground">{template.content.body}</span>
          {template.statusReason && template.status !== TemplateStatus.DRAFT ? (
            <span className={cn('mt-1 block text-xs', REASON_TONE[template.status] ?? 'text-muted-foreground')} data-testid="template-status-reason">
              {template.statusReason}
            </span>
          ) : null}
        </button>
        {admin ? (
          <div className="flex shrink-0 gap-1">
            {template.status === TemplateStatus.DRAFT ? (
              <>
                <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${template.name}`}>
                  <Pencil /> Edit
                </Button>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={submit.isPending}
                  onClick={() =>
                    submit.mutate(template.id, {
                      onSuccess: () => toast.success(`${template.name} was sent to Meta for review`),
                      onError: (error) => toast.error('Meta did not accept it', { description: describeApiError(error) }),
                    })
                  }
                  data-testid="template-row-submit"
                >
                  <Send /> Submit
                </Button>
              </>
            ) : null}
            <Button
              variant="ghost"
              size="icon"
              className="size-8 text-destructive"
              aria-label={`Delete ${template.name}`}
              disabled={remove.isPending}
              onClick={() => {
                const where = template.externalId ? ' here and on Meta' : '';
                if (!window.confirm(`Delete ${template.name} (${template.language})${where}? This cannot be undone.`)) return;
                remove.mutate(template, {
                  onSuccess: () => toast.success(`${template.name} deleted`),
                  onError: (error) => toast.error('Could not delete it', { description: describeApiError(error) }),
                });
              }}
            >
              <Trash2 />
            </Button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** The Templates page: Messenger utility templates with Meta's review status, live. Admins manage them; agents browse approved ones. */
export function TemplatesView() {
  const { user } = useAuth();
  const admin = user?.role === Role.ADMIN;
  const channels = useChannels();
  const templates = useTemplates();
  const sync = useSyncTemplates();
  const [filters, setFilters] = useTemplateFilters();
  const [search, setSearch] = React.useState(filters.search);
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const [formOpen, setFormOpen] = React.useState(false);
  const [editing, setEditing] = React.useState<MessageTemplateDto | null>(null);
  const [libraryOpen, setLibraryOpen] = React.useState(false);

  React.useEffect(() => {
    if (search === filters.search) return;
    const handle = setTimeout(() => setFilters({ search }), 250);
    return () => clearTimeout(handle);
  }, [search, filters.search, setFilters]);

  const pages = (channels.data ?? []).filter((c) => c.platform === MessagePlatform.FACEBOOK && c.status !== ChannelStatus.DISCONNECTED);
  const pageName = (id: string) => (pages.length > 1 ? (pages.find((p) => p.id === id)?.name ?? null) : null);
  const visible = filterTemplates(templates.data ?? [], filters);
  const selected = visible.find((t) => t.id === selectedId) ?? visible[0] ?? null;
  const openForm = (template: MessageTemplateDto | null) => {
    setEditing(template);
    setFormOpen(true);
  };

  return (
    <PageContainer>
      <PageHeader
        title="Templates"
        description={
          admin
            ? 'Messenger utility templates: after Meta approves one, agents can send it when the 24-hour window has closed.'
            : 'Approved Messenger templates. Send one from the composer when the 24-hour window has closed.'
        }
        actions={
          admin ? (
            <>
              <Button
                variant="ghost"
                size="sm"
                disabled={sync.isPending || pages.length === 0}
                onClick={() =>
                  sync.mutate(undefined, {
                    onSuccess: (r) =>
                      r.failures.length
                        ? toast.error('Some Pages could not be read', { description: r.failures.map((f) => f.reason).join(' ') })
                        : toast.success('Templates are up to date with Meta'),
                    onError: (error) => toast.error(describeApiError(error)),
                  })
                }
              >
                <RefreshCw className={sync.isPending ? 'animate-spin' : ''} /> Refresh from Meta
              </Button>
              <Button variant="outline" size="sm" disabled={pages.length === 0} onClick={() => setLibraryOpen(true)} data-testid="templates-open-library">
                <BookOpen /> Meta&apos;s library
              </Button>
              <Button size="sm" disabled={pages.length === 0} onClick={() => openForm(null)} data-testid="templates-new">
                <Plus /> New template
              </Button>
            </>
          ) : null
        }
      />

      <div className="mt-6 flex flex-wrap gap-2" role="search">
        <div className="relative min-w-56 flex-1">
          <Search className="absolute top-2.5 left-3 size-4 text-muted-foreground" aria-hidden />
          <Input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search templates" className="pl-9" aria-label="Search templates" />
        </div>
        {admin ? (
          <select
            aria-label="Status"
            className={FIELD}
            value={filters.status ?? ''}
            onChange={(e) => setFilters({ status: (e.target.value || null) as TemplateStatus | null })}
            data-testid="templates-status-filter"
          >
            <option value="">Every status</option>
            {TEMPLATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {TEMPLATE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        ) : null}
        {pages.length > 1 ? (
          <select
            aria-label="Facebook Page"
            className={FIELD}
            value={filters.channelId ?? ''}
            onChange={(e) => setFilters({ channelId: e.target.value || null })}
          >
            <option value="">Every Page</option>
            {pages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>

      <div className="mt-6">
        {templates.isPending || channels.isPending ? (
          <div className="grid gap-3" aria-busy aria-label="Loading templates">
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
        ) : templates.isError ? (
          <div role="alert" className="rounded-xl border border-destructive/30 bg-destructive/5 p-6 text-sm">
            <p className="font-medium text-destructive">Couldn&apos;t load the templates.</p>
            <p className="mt-1 text-muted-foreground">{describeApiError(templates.error)}</p>
            <Button variant="outline" size="sm" className="mt-3" onClick={() => void templates.refetch()}>
              Try again
            </Button>
          </div>
        ) : pages.length === 0 && (templates.data ?? []).length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-14 text-center">
            <FileText className="size-8 text-muted-foreground" aria-hidden />
            <p className="mt-3 font-medium">No Facebook Page connected</p>
            <p className="mt-1 max-w-md text-sm text-muted-foreground">
              Utility templates belong to a Facebook Page (Messenger). {admin ? 'Connect one under Accounts first.' : 'An admin needs to connect one.'}
            </p>
            {admin ? (
              <Button asChild variant="outline" size="sm" className="mt-4">
                <Link href="/accounts">Go to Accounts</Link>
              </Button>
            ) : null}
          </div>
        ) : visible.length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-14 text-center" data-testid="templates-empty">
            <FileText className="size-8 text-muted-foreground" aria-hidden />
            <p className="mt-3 font-medium">
              {(templates.data ?? []).length === 0 ? (admin ? 'No templates yet' : 'No approved templates yet') : 'No template matches'}
            </p>
            <p className="mt-1 max-w-md text-sm text-muted-foreground">
              {(templates.data ?? []).length === 0
                ? admin
                  ? 'Write one, or clone one of Meta’s ready-made templates — clones are approved within seconds.'
                  : 'An admin creates them; Meta approves them.'
                : 'Change the search or the filters.'}
            </p>
          </div>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
            <ul className="grid content-start gap-3" aria-label="Templates">
              {visible.map((t) => (
                <TemplateRow
                  key={t.id}
                  template={t}
                  selected={selected?.id === t.id}
                  onSelect={() => setSelectedId(t.id)}
                  pageName={pageName(t.channelId)}
                  admin={admin}
                  onEdit={() => openForm(t)}
                />
              ))}
            </ul>
            {selected ? (
              <aside className="lg:sticky lg:top-6 lg:self-start" aria-label={`Preview of ${selected.name}`}>
                <TemplatePreview content={selected.content} />
              </aside>
            ) : null}
          </div>
        )}
      </div>

      {admin ? (
        <>
          <TemplateFormDialog open={formOpen} onOpenChange={setFormOpen} pages={pages.filter((p) => p.status === ChannelStatus.ACTIVE)} editing={editing} />
          <LibraryDialog open={libraryOpen} onOpenChange={setLibraryOpen} pages={pages.filter((p) => p.status === ChannelStatus.ACTIVE)} />
        </>
      ) : null}
    </PageContainer>
  );
}
