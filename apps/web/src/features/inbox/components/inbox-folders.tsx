'use client';

import Link from 'next/link';
import { CircleDot, Clock, Inbox, Mail, Moon, CheckCircle2, User, UserX } from 'lucide-react';
import { CONVERSATION_STATUSES, MessagePlatform, type ConversationCountsResponse, type ConversationStatus } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { inboxHref, type InboxFilters } from '../filters';
import { useConversationCounts } from '../hooks/use-inbox-queries';
import { useLabels } from '../../collaboration/api';
import { PLATFORM_NAMES } from '../../../components/platform-badge';

const STATUS_ICONS: Record<ConversationStatus, typeof Inbox> = { open: CircleDot, pending: Clock, snoozed: Moon, resolved: CheckCircle2 };
const STATUS_NAMES: Record<ConversationStatus, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' };

function FolderLink({
  href,
  active,
  icon: Icon,
  label,
  dot,
  dotColor,
  count,
  title,
}: {
  href: string;
  active: boolean;
  icon?: typeof Inbox;
  label: string;
  dot?: string;
  /** A CSS color for the dot (label colors come from the api). */
  dotColor?: string;
  count?: number;
  title?: string;
}) {
  return (
    <Link
      href={href}
      scroll={false}
      title={title}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex h-8 items-center gap-2 rounded-md px-2 text-sm transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
        active ? 'bg-sidebar-accent font-medium text-sidebar-accent-foreground' : 'text-muted-foreground hover:bg-accent hover:text-foreground',
      )}
    >
      {Icon ? (
        <Icon className="size-4" aria-hidden />
      ) : (
        <span aria-hidden className={cn('ml-1 mr-0.5 size-2 rounded-full', dot)} style={dotColor ? { backgroundColor: dotColor } : undefined} />
      )}
      <span className="flex-1 truncate">{label}</span>
      {count !== undefined ? (
        <span className="text-xs tabular-nums text-muted-foreground" aria-label={`${count} conversations`}>
          {count}
        </span>
      ) : null}
    </Link>
  );
}

/** The left pane: folders (who), platforms and statuses, each a link that only changes the search params, with counts. */
export function InboxFolders({ filters, basePath, className }: { filters: InboxFilters; basePath: string; className?: string }) {
  const href = (patch: Partial<InboxFilters>) => inboxHref(basePath, { ...filters, ...patch });
  const countsQuery = useConversationCounts();
  const labelsQuery = useLabels();
  const labels = labelsQuery.data ?? [];
  const counts: ConversationCountsResponse | undefined = countsQuery.data;
  return (
    <nav
      aria-label="Inbox folders"
      className={cn('flex flex-col gap-5 overflow-y-auto p-3', className)}
      data-testid="inbox-folders"
      aria-busy={countsQuery.isPending}
    >
      <div className="grid gap-0.5">
        <FolderLink href={href({ folder: 'all' })} active={filters.folder === 'all'} icon={Inbox} label="All" count={counts?.all} />
        <FolderLink href={href({ folder: 'mine' })} active={filters.folder === 'mine'} icon={User} label="Mine" count={counts?.mine} />
        <FolderLink href={href({ folder: 'unassigned' })} active={filters.folder === 'unassigned'} icon={UserX} label="Unassigned" count={counts?.unassigned} />
        <FolderLink href={href({ unread: !filters.unread })} active={filters.unread} icon={Mail} label="Unread" count={counts?.unread} />
      </div>
      <div className="grid gap-0.5">
        <h3 className="px-2 pb-1 text-xs font-medium text-muted-foreground">Channels</h3>
        <FolderLink href={href({ platform: null })} active={filters.platform === null} label="All channels" dot="bg-muted-foreground/40" />
        <FolderLink
          href={href({ platform: MessagePlatform.INSTAGRAM })}
          active={filters.platform === MessagePlatform.INSTAGRAM}
          label={PLATFORM_NAMES[MessagePlatform.INSTAGRAM]}
          dot="bg-pink-500"
          count={counts?.byPlatform[MessagePlatform.INSTAGRAM]}
        />
        <FolderLink
          href={href({ platform: MessagePlatform.FACEBOOK })}
          active={filters.platform === MessagePlatform.FACEBOOK}
          label={PLATFORM_NAMES[MessagePlatform.FACEBOOK]}
          dot="bg-blue-500"
          count={counts?.byPlatform[MessagePlatform.FACEBOOK]}
        />
      </div>
      <div className="grid gap-0.5">
        <h3 className="px-2 pb-1 text-xs font-medium text-muted-foreground">Status</h3>
        <FolderLink href={href({ status: null })} active={filters.status === null} label="Any status" dot="bg-muted-foreground/40" />
        {CONVERSATION_STATUSES.map((status) => (
          <FolderLink
            key={status}
            href={href({ status })}
            active={filters.status === status}
            icon={STATUS_ICONS[status]}
            label={STATUS_NAMES[status]}
            count={counts?.byStatus[status]}
          />
        ))}
      </div>
      {labels.length > 0 || filters.label ? (
        <div className="grid gap-0.5" data-testid="inbox-label-filters">
          <h3 className="px-2 pb-1 text-xs font-medium text-muted-foreground">Labels</h3>
          {labels.map((l) => {
            const active = filters.label === l.id;
            return (
              <FolderLink
                key={l.id}
                href={href({ label: active ? null : l.id })}
                active={active}
                label={l.name}
                dotColor={l.color}
                title={active ? `Stop filtering by ${l.name}` : `Only conversations labelled ${l.name}`}
              />
            );
          })}
          {filters.label && !labels.some((l) => l.id === filters.label) && !labelsQuery.isPending ? (
            <FolderLink href={href({ label: null })} active label="Unknown label (clear)" dot="bg-muted-foreground/40" />
          ) : null}
        </div>
      ) : null}
      {countsQuery.isError ? (
        <p role="status" className="px-2 text-xs text-muted-foreground">
          Counts unavailable.{' '}
          <button
            type="button"
            className="underline outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            onClick={() => void countsQuery.refetch()}
          >
            Retry
          </button>
        </p>
      ) : null}
      {counts && counts.myUnreadMessages > 0 ? (
        <p className="px-2 text-xs text-muted-foreground">{counts.myUnreadMessages} unread in your conversations</p>
      ) : null}
    </nav>
  );
}
