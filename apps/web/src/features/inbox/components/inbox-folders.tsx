'use client';

import Link from 'next/link';
import { CircleDot, Clock, Inbox, Moon, CheckCircle2, User, UserX } from 'lucide-react';
import { CONVERSATION_STATUSES, MessagePlatform, type ConversationStatus } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { inboxHref, type InboxFilters } from '../filters';
import { PLATFORM_NAMES } from './platform-badge';

const STATUS_ICONS: Record<ConversationStatus, typeof Inbox> = { open: CircleDot, pending: Clock, snoozed: Moon, resolved: CheckCircle2 };
const STATUS_NAMES: Record<ConversationStatus, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' };

function FolderLink({ href, active, icon: Icon, label, dot }: { href: string; active: boolean; icon?: typeof Inbox; label: string; dot?: string }) {
  return (
    <Link
      href={href}
      scroll={false}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex h-8 items-center gap-2 rounded-md px-2 text-sm transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
        active ? 'bg-sidebar-accent font-medium text-sidebar-accent-foreground' : 'text-muted-foreground hover:bg-accent hover:text-foreground',
      )}
    >
      {Icon ? <Icon className="size-4" aria-hidden /> : <span aria-hidden className={cn('ml-1 mr-0.5 size-2 rounded-full', dot)} />}
      {label}
    </Link>
  );
}

/** The left pane: folders (who), platforms and statuses, each a link that only changes the search params. */
export function InboxFolders({ filters, basePath, className }: { filters: InboxFilters; basePath: string; className?: string }) {
  const href = (patch: Partial<InboxFilters>) => inboxHref(basePath, { ...filters, ...patch });
  return (
    <nav aria-label="Inbox folders" className={cn('flex flex-col gap-5 overflow-y-auto p-3', className)}>
      <div className="grid gap-0.5">
        <FolderLink href={href({ folder: 'all' })} active={filters.folder === 'all'} icon={Inbox} label="All" />
        <FolderLink href={href({ folder: 'mine' })} active={filters.folder === 'mine'} icon={User} label="Mine" />
        <FolderLink href={href({ folder: 'unassigned' })} active={filters.folder === 'unassigned'} icon={UserX} label="Unassigned" />
      </div>
      <div className="grid gap-0.5">
        <h3 className="px-2 pb-1 text-xs font-medium text-muted-foreground">Channels</h3>
        <FolderLink href={href({ platform: null })} active={filters.platform === null} label="All channels" dot="bg-muted-foreground/40" />
        <FolderLink
          href={href({ platform: MessagePlatform.INSTAGRAM })}
          active={filters.platform === MessagePlatform.INSTAGRAM}
          label={PLATFORM_NAMES[MessagePlatform.INSTAGRAM]}
          dot="bg-pink-500"
        />
        <FolderLink
          href={href({ platform: MessagePlatform.FACEBOOK })}
          active={filters.platform === MessagePlatform.FACEBOOK}
          label={PLATFORM_NAMES[MessagePlatform.FACEBOOK]}
          dot="bg-blue-500"
        />
      </div>
      <div className="grid gap-0.5">
        <h3 className="px-2 pb-1 text-xs font-medium text-muted-foreground">Status</h3>
        <FolderLink href={href({ status: null })} active={filters.status === null} label="Any status" dot="bg-muted-foreground/40" />
        {CONVERSATION_STATUSES.map((status) => (
          <FolderLink key={status} href={href({ status })} active={filters.status === status} icon={STATUS_ICONS[status]} label={STATUS_NAMES[status]} />
        ))}
      </div>
    </nav>
  );
}
