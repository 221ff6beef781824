'use client';

import * as React from 'react';
import {
  AlertCircle,
  Check,
  CheckCheck,
  Clock,
  CornerUpLeft,
  FileText,
  Heart,
  HelpCircle,
  Megaphone,
  MousePointerClick,
  Pencil,
  Reply,
  RotateCw,
  Smartphone,
  Undo2,
} from 'lucide-react';
import type { MessageDto, MessagePlatform } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Tooltip, TooltipContent, TooltipTrigger } from '../../../components/ui/tooltip';
import { cn } from '../../../lib/utils';
import { isOptimistic } from '../conversation-cache';
import { clockTime } from '../../../lib/format-time';
import { canRetry, failureReason, originLabel, quoteText, reactionSummary, statusView, unconfirmedReason } from '../message-render';
import { MessageAttachment, StoryPreview } from './message-attachment';

const MEDIA_TYPES = new Set(['image', 'video', 'sticker']);

function StatusTick({ message }: { message: MessageDto }) {
  const view = statusView(message);
  if (!view) return null;
  const Icon =
    message.status === 'pending'
      ? Clock
      : message.status === 'sent'
        ? Check
        : message.status === 'failed'
          ? AlertCircle
          : message.status === 'unknown'
            ? HelpCircle
            : CheckCheck;
  return (
    <span
      data-testid="message-status"
      data-status={message.status}
      className={cn('inline-flex items-center gap-1', view.tone === 'primary' && 'text-primary', view.tone === 'destructive' && 'text-destructive')}
    >
      <Icon className="size-3" aria-hidden />
      {view.label}
    </span>
  );
}

function EditedMarker({ message }: { message: MessageDto }) {
  if (!message.editedAt) return null;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="inline-flex items-center gap-0.5 underline decoration-dotted underline-offset-2" data-testid="edited-marker">
          <Pencil className="size-3" aria-hidden />
          Edited
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs">
        <p className="mb-1 font-medium">Earlier versions</p>
        {message.editHistory.length === 0 ? (
          <p>No earlier text kept.</p>
        ) : (
          <ul className="grid gap-1">
            {message.editHistory.map((edit, i) => (
              <li key={`${edit.at}-${i}`}>
                <span className="opacity-70">{clockTime(edit.at)} · </span>
                {edit.text ?? '(no text)'}
              </li>
            ))}
          </ul>
        )}
      </TooltipContent>
    </Tooltip>
  );
}

export const MessageBubble = React.memo(function MessageBubble({
  message,
  platform,
  replyTarget,
  onReply,
  onRetry,
  retrying,
  onReact,
}: {
  message: MessageDto;
  platform: MessagePlatform;
  /** The message this one answers (by `replyToMid`), when it is loaded. */
  replyTarget: MessageDto | undefined;
  onReply: (message: MessageDto) => void;
  onRetry: (message: MessageDto) => void;
  retrying: boolean;
  /** Toggles the business's ❤️ on a customer message; absent when reactions are not possible. */
  onReact?: (message: MessageDto, reacted: boolean) => void;
}) {
  const outbound = message.direction === 'outbound';
  const origin = originLabel(message, platform);
  const reactions = reactionSummary(message);
  const businessReacted = message.reactions.some((r) => r.by === 'business');
  const unsent = Boolean(message.unsentAt);
  const hasBody = Boolean(message.text) || message.attachments.length > 0;
  // Photos, videos and stickers stand on their own, without a coloured bubble around them.
  const mediaOnly = !message.text && !message.replyToMid && message.attachments.length > 0 && message.attachments.every((a) => MEDIA_TYPES.has(a.type));

  return (
    <div
      className={cn('group flex flex-col gap-1', outbound ? 'items-end' : 'items-start')}
      data-testid="message-bubble"
      data-message-id={message.id}
      data-mid={message.mid ?? undefined}
      data-direction={message.direction}
      data-status={message.status}
    >
      {origin ? (
        <span className="flex items-center gap-1 text-[11px] text-muted-foreground" data-testid="message-origin">
          <Smartphone className="size-3" aria-hidden />
          {origin}
        </span>
      ) : null}
      {message.template ? (
        <span
          className="flex items-center gap-1 text-[11px] text-muted-foreground"
          data-testid="message-template"
          title="Sent as a Meta-approved utility template"
        >
          <FileText className="size-3" aria-hidden />
          Template · {message.template.name}
        </span>
      ) : null}
      {message.referral ? (
        <span
          className="inline-flex items-center gap-1 rounded-full bg-amber-500/10 px-2 py-0.5 text-[11px] font-medium text-amber-700 dark:text-amber-400"
          data-testid="referral-badge"
        >
          <Megaphone className="size-3" aria-hidden />
          {message.referral.kind === 'ad'
            ? `From ad${message.referral.adTitle ? `: ${message.referral.adTitle}` : ''}`
            : `From ${message.referral.kind}${message.referral.ref ? ` (${message.referral.ref})` : ''}`}
        </span>
      ) : null}
      <div className={cn('flex max-w-[min(80%,36rem)] items-end gap-1.5', outbound && 'flex-row-reverse')}>
        <div
          className={cn(
            'grid gap-2 rounded-2xl px-3 py-2 text-sm break-words whitespace-pre-wrap',
            outbound ? 'rounded-br-md bg-primary text-primary-foreground' : 'rounded-bl-md bg-muted text-foreground',
            message.status === 'pending' && 'opacity-70',
            message.status === 'failed' && 'bg-destructive/10 text-foreground ring-1 ring-destructive/40',
            (unsent || message.unsupported) && 'bg-transparent text-muted-foreground italic ring-1 ring-border',
            mediaOnly && !unsent && 'bg-transparent p-0',
          )}
        >
          {message.replyToMid ? (
            <div
              className={cn(
                'flex gap-1.5 rounded-md border-l-2 px-2 py-1 text-xs',
                outbound ? 'border-primary-foreground/50 bg-primary-foreground/10' : 'border-foreground/30 bg-background/60',
              )}
            >
              <CornerUpLeft className="mt-0.5 size-3 shrink-0" aria-hidden />
              <span className="line-clamp-2">{quoteText(replyTarget)}</span>
            </div>
          ) : null}
          {message.replyToStory ? (
            <div className="grid gap-1">
              <span className="text-xs opacity-80">Replied to your story</span>
              <StoryPreview src={message.replyToStory.url} />
            </div>
          ) : null}
          {unsent ? (
            <span className="flex items-center gap-1.5" data-testid="unsent-marker">
              <Undo2 className="size-3.5" aria-hidden />
              {outbound ? 'Message unsent' : 'The customer unsent this message'}
            </span>
          ) : message.unsupported && !hasBody ? (
            <span data-testid="unsupported-message">
              This message type isn&apos;t supported yet. Open {platform === 'INSTAGRAM' ? 'Instagram' : 'Messenger'} to see it.
            </span>
          ) : (
            <>
              {message.kind === 'postback' ? (
                <span className="flex items-center gap-1.5 text-xs font-medium opacity-80" data-testid="postback">
                  <MousePointerClick className="size-3.5" aria-hidden />
                  Tapped a button{message.postbackPayload ? ` (${message.postbackPayload})` : ''}
                </span>
              ) : null}
              {message.attachments.map((attachment, i) => (
                <MessageAttachment key={`${attachment.type}-${i}`} attachment={attachment} />
              ))}
              {message.text ? <span>{message.text}</span> : null}
              {!message.text && message.attachments.length === 0 && isOptimistic(message) ? <span className="opacity-80">Uploading attachment…</span> : null}
              {message.quickReplyPayload ? (
                <span className="w-fit rounded-full border px-2 py-0.5 text-[11px] opacity-80" data-testid="quick-reply">
                  Quick reply · {message.quickReplyPayload}
                </span>
              ) : null}
            </>
          )}
        </div>
        {!unsent && message.mid && !outbound && onReact ? (
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className={cn('size-7 opacity-0 group-hover:opacity-100 focus-visible:opacity-100', businessReacted && 'text-rose-500 opacity-100')}
            onClick={() => onReact(message, businessReacted)}
            aria-label={businessReacted ? 'Remove your reaction' : 'React with a heart'}
            aria-pressed={businessReacted}
            data-testid="react-button"
          >
            <Heart className={cn('size-3.5', businessReacted && 'fill-current')} />
          </Button>
        ) : null}
        {!unsent && message.mid ? (
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className="size-7 opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
            onClick={() => onReply(message)}
            aria-label="Reply to this message"
          >
            <Reply className="size-3.5" />
          </Button>
        ) : null}
      </div>
      {reactions.length > 0 ? (
        <div className={cn('-mt-2 flex gap-1', outbound ? 'mr-2' : 'ml-2')} data-testid="message-reactions">
          {reactions.map((r) => (
            <span key={r.emoji} className={cn('rounded-full border bg-background px-1.5 text-xs shadow-xs', r.byBusiness && 'border-primary/40')}>
              {r.emoji}
              {r.count > 1 ? ` ${r.count}` : ''}
            </span>
          ))}
        </div>
      ) : null}
      <div className="flex items-center gap-2 px-1 text-[11px] text-muted-foreground">
        <time dateTime={message.sentAt}>{clockTime(message.sentAt)}</time>
        <EditedMarker message={message} />
        <StatusTick message={message} />
      </div>
      {message.status === 'unknown' ? (
        <div className="flex max-w-[min(80%,36rem)] items-start gap-2 text-xs text-muted-foreground" role="status" data-testid="message-unconfirmed">
          <span>{unconfirmedReason(message)}</span>
        </div>
      ) : null}
      {message.status === 'failed' ? (
        <div className="flex max-w-[min(80%,36rem)] items-start gap-2 text-xs text-destructive" role="alert" data-testid="message-error">
          <span>{failureReason(message)}</span>
          {canRetry(message) ? (
            <Button type="button" size="sm" variant="outline" className="h-6 px-2 text-xs" onClick={() => onRetry(message)} disabled={retrying}>
              <RotateCw className={cn('size-3', retrying && 'animate-spin')} aria-hidden />
              Retry
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
