'use client';

import * as React from 'react';
import Link from 'next/link';
import type { CommentActionDto, CommentDetailResponse, CommentDto } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useAuth } from '../../auth/auth-provider';
import { useLabels } from '../../collaboration/api';
import { relativeTime } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';
import { isTypingTarget } from '../../../lib/keyboard';
import { useCommentCommand, useCommentDetail, type CommentCommand } from '../api';
import { applyCommandOptimistically } from '../optimistic';
import { authorLabel } from './comment-item';

const ACTION_WORDS: Record<CommentActionDto['action'], string> = {
  public_reply: 'replied publicly',
  private_reply: 'sent a private reply',
  hide: 'hid it',
  unhide: 'unhid it',
  delete: 'deleted it',
  assign: 'assigned it to',
  done: 'marked it done',
  reopen: 'reopened it',
  label: 'labelled it',
};

function actorName(a: CommentActionDto): string {
  if (a.actor.type === 'rule') return `Rule “${a.actor.name ?? 'deleted rule'}”`;
  if (a.actor.type === 'user') return a.actor.name ?? 'A teammate';
  return 'System';
}

/** The selected comment: its post, thread, the author's DM conversation and other comments, the activity, and the actions. */
export function CommentThread({ id }: { id: string }) {
  const detail = useCommentDetail(id);
  if (detail.isPending)
    return (
      <div className="grid gap-3 p-4">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
    );
  if (detail.isError) return <p className="p-4 text-sm text-destructive">{describeApiError(detail.error)}</p>;
  return <ThreadBody data={detail.data} />;
}

function ThreadBody({ data }: { data: CommentDetailResponse }) {
  const { user } = useAuth();
  const now = useNow(30_000);
  const command = useCommentCommand(applyCommandOptimistically);
  const [mode, setMode] = React.useState<'reply' | 'private_reply'>('reply');
  const [text, setText] = React.useState('');
  const inputRef = React.useRef<HTMLTextAreaElement>(null);
  const c = data.comment;
  const canPrivate = data.privateReply.allowed;
  const labels = useLabels();
  const labelNames = c.labelIds.map((id) => labels.data?.find((l) => l.id === id)?.name).filter(Boolean);

  const run = React.useCallback(
    (cmd: CommentCommand, success: string) =>
      command.mutate(
        { comment: c, command: cmd },
        {
          onSuccess: (result) => toast.success(result.action.status === 'queued' ? `Queued: ${result.action.reason ?? 'waiting for Meta’s limit'}` : success),
          onError: (error) => toast.error(describeApiError(error)),
        },
      ),
    [c, command],
  );

  const send = () => {
    const value = text.trim();
    if (!value) return;
    run({ type: mode, text: value }, mode === 'reply' ? 'Reply posted' : 'Private reply sent');
    setText('');
  };

  React.useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('[role="dialog"]')) return;
      if (c.removed) return;
      const key = event.key;
      if (key === 'r' || (key === 'p' && canPrivate)) {
        event.preventDefault();
        setMode(key === 'r' ? 'reply' : 'private_reply');
        inputRef.current?.focus();
      } else if (key === 'h' && !c.isFromBusiness) {
        event.preventDefault();
        run({ type: c.isHidden ? 'unhide' : 'hide' }, c.isHidden ? 'Comment visible again' : 'Comment hidden');
      } else if (key === 'e') {
        event.preventDefault();
        run({ type: 'done', done: !c.doneAt }, c.doneAt ? 'Reopened' : 'Marked done');
      } else if (key === '#') {
        event.preventDefault();
        if (window.confirm('Delete this comment on Meta? This cannot be undone.')) run({ type: 'delete' }, 'Comment deleted');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [c, canPrivate, run]);

  return (
    <article className="flex min-h-0 flex-1 flex-col" aria-label="Comment" data-testid="comment-thread" data-status={c.status}>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4">
        {data.post ? (
          <p className="text-xs text-muted-foreground">
            On {data.post.isAd ? 'the ad' : 'the post'} “{data.post.adTitle ?? data.post.caption ?? data.post.externalId}”
            {data.post.permalinkUrl ? (
              <>
                {' · '}
                <a href={data.post.permalinkUrl} target="_blank" rel="noreferrer" className="underline">
                  open on {c.platform === 'INSTAGRAM' ? 'Instagram' : 'Facebook'}
                </a>
              </>
            ) : null}
          </p>
        ) : null}
        {labelNames.length ? (
          <p className="text-xs text-muted-foreground" data-testid="comment-labels">
            Labels: {labelNames.join(', ')}
          </p>
        ) : null}
        {data.parent ? <Bubble comment={data.parent} now={now} muted /> : null}
        <Bubble comment={c} now={now} />
        {data.replies.map((r) => (
          <div key={r.id} className="ml-6">
            <Bubble comment={r} now={now} />
          </div>
        ))}
        {data.conversation ? (
          <p className="rounded-md border bg-muted/40 p-2 text-sm" data-testid="comment-conversation">
            {data.conversation.visible ? (
              <Link className="underline" href={`/inbox/${data.conversation.id}`}>
                Open the DM conversation with {authorLabel(c)}
              </Link>
            ) : (
              'Their DM conversation is assigned to a teammate.'
            )}
          </p>
        ) : null}
        {!canPrivate && !data.privateReply.allowed ? (
          <p className="text-xs text-muted-foreground" data-testid="private-reply-reason">
            Private reply: {data.privateReply.reason}
          </p>
        ) : null}
        <section aria-labelledby="comment-activity" className="grid gap-1">
          <h3 id="comment-activity" className="text-xs font-medium text-muted-foreground">
            Activity
          </h3>
          {data.activity.length === 0 ? <p className="text-xs text-muted-foreground">Nothing done yet.</p> : null}
          <ol className="grid gap-1 text-xs" data-testid="comment-activity">
            {data.activity.map((a) => (
              <li key={a.id} data-action={a.action} data-status={a.status} className={cn(a.status === 'failed' && 'text-destructive')}>
                {actorName(a)} {ACTION_WORDS[a.action]}
                {a.detail ? ` “${a.detail}”` : ''} · {a.status === 'done' ? relativeTime(a.finishedAt ?? a.createdAt, now) : a.status}
                {a.reason ? ` — ${a.reason}` : ''}
              </li>
            ))}
          </ol>
        </section>
        {data.authorComments.length ? (
          <section aria-labelledby="author-comments" className="grid gap-1">
            <h3 id="author-comments" className="text-xs font-medium text-muted-foreground">
              Their other comments
            </h3>
            <ul className="grid gap-1 text-xs">
              {data.authorComments.slice(0, 5).map((o) => (
                <li key={o.id} className="truncate">
                  {o.removed ? 'Comment deleted' : o.text} · {relativeTime(o.commentedAt, now)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      {c.removed ? (
        <p className="border-t p-3 text-sm text-muted-foreground">This comment was deleted{c.removedBy === 'author' ? ' by its author' : ''}.</p>
      ) : (
        <div className="grid gap-2 border-t p-3">
          <div className="flex flex-wrap gap-2">
            {!c.isFromBusiness ? (
              <Button
                variant="outline"
                size="sm"
                data-testid="comment-hide"
                onClick={() => run({ type: c.isHidden ? 'unhide' : 'hide' }, c.isHidden ? 'Comment visible again' : 'Comment hidden')}
              >
                {c.isHidden ? 'Unhide' : 'Hide'} <kbd className="ml-1 text-muted-foreground">H</kbd>
              </Button>
            ) : null}
            <Button
              variant="outline"
              size="sm"
              data-testid="comment-done"
              onClick={() => run({ type: 'done', done: !c.doneAt }, c.doneAt ? 'Reopened' : 'Marked done')}
            >
              {c.doneAt ? 'Reopen' : 'Done'} <kbd className="ml-1 text-muted-foreground">E</kbd>
            </Button>
            {user && c.assigneeId !== user.id ? (
              <Button variant="outline" size="sm" onClick={() => run({ type: 'assign', assigneeId: user.id }, 'Assigned to you')}>
                Assign to me
              </Button>
            ) : null}
            <Button
              variant="outline"
              size="sm"
              className="text-destructive"
              data-testid="comment-delete"
              onClick={() => window.confirm('Delete this comment on Meta? This cannot be undone.') && run({ type: 'delete' }, 'Comment deleted')}
            >
              Delete <kbd className="ml-1 text-muted-foreground">#</kbd>
            </Button>
          </div>
          {c.kind !== 'mention' || mode === 'reply' ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                send();
              }}
              className="grid gap-2"
              aria-label="Reply"
            >
              <div role="radiogroup" aria-label="Reply type" className="flex gap-1 text-xs">
                <button
                  type="button"
                  role="radio"
                  aria-checked={mode === 'reply'}
                  data-testid="mode-public"
                  className={cn('rounded px-2 py-1', mode === 'reply' && 'bg-accent')}
                  onClick={() => setMode('reply')}
                >
                  Public reply (R)
                </button>
                <button
                  type="button"
                  role="radio"
                  aria-checked={mode === 'private_reply'}
                  data-testid="mode-private"
                  disabled={!canPrivate}
                  title={data.privateReply.allowed ? undefined : data.privateReply.reason}
                  className={cn('rounded px-2 py-1 disabled:opacity-50', mode === 'private_reply' && 'bg-accent')}
                  onClick={() => setMode('private_reply')}
                >
                  Private reply (P)
                </button>
              </div>
              <textarea
                ref={inputRef}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    send();
                  }
                }}
                maxLength={1000}
                rows={2}
                data-testid="comment-reply-input"
                aria-label={mode === 'reply' ? 'Public reply' : 'Private reply (opens a DM)'}
                placeholder={mode === 'reply' ? 'Reply publicly…' : 'Private reply — arrives in their DMs'}
                className="w-full resize-none rounded-md border bg-background p-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
              />
              <div className="flex justify-end">
                <Button type="submit" size="sm" data-testid="comment-send" disabled={!text.trim() || command.isPending}>
                  {mode === 'reply' ? 'Reply' : 'Send private reply'}
                </Button>
              </div>
            </form>
          ) : null}
        </div>
      )}
    </article>
  );
}

function Bubble({ comment, now, muted = false }: { comment: CommentDto; now: number; muted?: boolean }) {
  return (
    <div
      className={cn('rounded-lg border p-3', comment.isFromBusiness && 'bg-primary/5', muted && 'opacity-70')}
      data-testid={comment.isFromBusiness ? 'comment-our-reply' : 'comment-bubble'}
    >
      <p className="flex gap-2 text-xs text-muted-foreground">
        <span className="font-medium text-foreground">{authorLabel(comment)}</span>
        <span>{relativeTime(comment.commentedAt, now)}</span>
        {comment.isHidden ? <span>· hidden</span> : null}
        {comment.editedAt ? <span>· edited</span> : null}
      </p>
      <p className={cn('mt-1 whitespace-pre-wrap text-sm', comment.removed && 'italic text-muted-foreground')}>
        {comment.removed ? 'Comment deleted' : comment.text || '(no text)'}
      </p>
    </div>
  );
}
