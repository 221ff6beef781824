'use client';

import type { CommentDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { relativeTime } from '../../../lib/format-time';
import { PlatformBadge } from '../../../components/platform-badge';

export function authorLabel(comment: Pick<CommentDto, 'author' | 'isFromBusiness'>): string {
  if (comment.isFromBusiness) return 'Your business';
  return comment.author.name ?? (comment.author.username ? `@${comment.author.username}` : 'Someone');
}

const KIND_LABEL: Record<string, string> = { live_comment: 'Live', mention: 'Mention', post: 'Visitor post' };

/** One row of the stream: who, where, what, and its state. */
export function CommentItem({ comment, selected, onSelect, now }: { comment: CommentDto; selected: boolean; onSelect: () => void; now: number }) {
  return (
    <button
      type="button"
      onClick={onSelect}
      data-testid="comment-item"
      data-comment-id={comment.id}
      data-external-id={comment.externalId}
      data-status={comment.status}
      aria-current={selected ? 'true' : undefined}
      className={cn(
        'grid w-full gap-1 border-b px-4 py-3 text-left outline-none transition-colors hover:bg-accent/50 focus-visible:bg-accent',
        selected && 'bg-accent',
      )}
    >
      <span className="flex items-center gap-2 text-sm">
        <span className="truncate font-medium">{authorLabel(comment)}</span>
        <PlatformBadge platform={comment.platform} compact />
        {comment.source === 'ad' ? (
          <span className="rounded bg-amber-500/15 px-1.5 text-[10px] font-semibold text-amber-700 uppercase dark:text-amber-300">Ad</span>
        ) : null}
        {KIND_LABEL[comment.kind] ? <span className="rounded bg-muted px-1.5 text-[10px] font-semibold uppercase">{KIND_LABEL[comment.kind]}</span> : null}
        <span className="ml-auto shrink-0 text-xs text-muted-foreground">{relativeTime(comment.commentedAt, now)}</span>
      </span>
      <span className={cn('line-clamp-2 text-sm', comment.removed && 'italic text-muted-foreground')}>
        {comment.removed ? 'Comment deleted' : comment.text || '(no text)'}
      </span>
      <span className="flex gap-2 text-xs text-muted-foreground">
        {comment.isHidden ? <span>Hidden</span> : null}
        {comment.repliedAt ? <span>Replied</span> : null}
        {comment.privateReply ? <span>Private reply sent</span> : null}
        {comment.privateReplyQueued ? <span>Private reply queued</span> : null}
        {comment.doneAt ? <span>Done</span> : null}
      </span>
    </button>
  );
}
