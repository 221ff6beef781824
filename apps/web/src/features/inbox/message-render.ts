import { MessagePlatform, type InboxMessageStatus, type MessageAttachmentDto, type MessageDto } from '@ticklegram/domain-models';

/** How one attachment is drawn in a bubble. */
export type AttachmentView =
  | { kind: 'image'; src: string | null; alt: string }
  | { kind: 'video'; src: string | null }
  | { kind: 'audio'; src: string | null }
  | { kind: 'file'; src: string | null; name: string }
  | { kind: 'sticker'; src: string | null }
  | { kind: 'story_mention'; src: string | null; expired: boolean }
  | { kind: 'shared_post'; src: string | null; label: string; title: string | null; link: string | null }
  | { kind: 'location'; label: string; link: string | null }
  | { kind: 'card'; title: string; subtitle: string | null; image: string | null }
  | { kind: 'unsupported'; label: string };

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The media source to show: our stored copy (authenticated api path) first, then Meta's CDN link. */
export function attachmentSource(attachment: MessageAttachmentDto): string | null {
  return attachment.mediaPath ?? attachment.url;
}

function fileName(attachment: MessageAttachmentDto): string {
  if (attachment.title) return attachment.title;
  const url = attachment.url;
  if (url) {
    try {
      const last = new URL(url).pathname.split('/').filter(Boolean).pop();
      if (last) return decodeURIComponent(last);
    } catch {
      // Not a URL: fall through to the generic name.
    }
  }
  return 'File';
}

export function attachmentView(attachment: MessageAttachmentDto): AttachmentView {
  const src = attachmentSource(attachment);
  switch (attachment.type) {
    case 'image':
      // Messenger sends stickers and the "like" thumb as images with a sticker id.
      if (attachment.stickerId) return { kind: 'sticker', src };
      return { kind: 'image', src, alt: attachment.title ?? 'Image from the conversation' };
    case 'sticker':
      return { kind: 'sticker', src };
    case 'video':
      return { kind: 'video', src };
    case 'audio':
      return { kind: 'audio', src };
    case 'file':
      return { kind: 'file', src, name: fileName(attachment) };
    case 'story_mention':
      return { kind: 'story_mention', src: attachment.expired ? null : src, expired: attachment.expired || !src };
    case 'share':
    case 'post':
    case 'reel':
    case 'story': {
      const label = attachment.type === 'reel' ? 'Shared reel' : attachment.type === 'story' ? 'Shared story' : 'Shared post';
      const link = str(attachment.payload?.['url']) ?? attachment.url;
      return { kind: 'shared_post', src, label, title: attachment.title ?? str(attachment.payload?.['title']), link };
    }
    case 'location': {
      const coords = attachment.payload?.['coordinates'] as { lat?: unknown; long?: unknown } | undefined;
      const lat = typeof coords?.lat === 'number' ? coords.lat : null;
      const long = typeof coords?.long === 'number' ? coords.long : null;
      const link = lat !== null && long !== null ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}#map=16/${lat}/${long}` : attachment.url;
      return { kind: 'location', label: attachment.title ?? 'Shared a location', link };
    }
    case 'template':
    case 'product':
    case 'fallback': {
      const elements = attachment.payload?.['elements'];
      const first = Array.isArray(elements) ? (elements[0] as Record<string, unknown> | undefined) : undefined;
      return {
        kind: 'card',
        title: attachment.title ?? str(first?.['title']) ?? str(attachment.payload?.['text']) ?? (attachment.type === 'product' ? 'Product' : 'Card'),
        subtitle: str(first?.['subtitle']),
        image: str(first?.['image_url']) ?? (attachment.type === 'fallback' ? null : src),
      };
    }
    default:
      return { kind: 'unsupported', label: `This ${attachment.rawType.replace(/_/g, ' ') || 'attachment'} can't be shown here yet.` };
  }
}

/** A label for messages the agent did not send from TickleGram; null when none applies. */
export function originLabel(message: MessageDto, platform: MessagePlatform): string | null {
  if (message.direction !== 'outbound') return null;
  if (message.source === 'native_app') return platform === MessagePlatform.INSTAGRAM ? 'Sent from Instagram app' : 'Sent from Messenger / Page inbox';
  if (message.source === 'automation') return 'Sent by an automation';
  return null;
}

export interface StatusView {
  label: string;
  tone: 'muted' | 'primary' | 'destructive';
}

/** The tick under an outbound message. Inbound messages have none. */
export function statusView(message: Pick<MessageDto, 'direction' | 'status'>): StatusView | null {
  if (message.direction !== 'outbound') return null;
  const map: Record<Exclude<InboxMessageStatus, 'received'>, StatusView> = {
    pending: { label: 'Sending…', tone: 'muted' },
    sent: { label: 'Sent', tone: 'muted' },
    delivered: { label: 'Delivered', tone: 'muted' },
    read: { label: 'Seen', tone: 'primary' },
    failed: { label: 'Not sent', tone: 'destructive' },
    unknown: { label: 'Checking with Meta…', tone: 'muted' },
  };
  return message.status === 'received' ? null : map[message.status];
}

/** The plain-language reason for a failed send. */
export function failureReason(message: Pick<MessageDto, 'errorMessage' | 'errorCode'>): string {
  if (message.errorMessage) return message.errorMessage;
  if (message.errorCode) return `Meta refused this message (error ${message.errorCode}).`;
  return "This message couldn't be sent.";
}

/**
 * A send Meta never confirmed: it may have reached the customer. The api checks with Meta (echo, message
 * lookup) and it becomes sent or "not sent"; it cannot be retried before, so the customer never gets it twice.
 */
export function unconfirmedReason(message: Pick<MessageDto, 'errorMessage'>): string {
  return (
    message.errorMessage ??
    'Meta did not confirm this message yet, so it may or may not have reached the customer. We are checking with Meta before it can be sent again.'
  );
}

/** Only a send we made can be retried; echoes from the native apps are not ours to resend. */
export function canRetry(message: MessageDto): boolean {
  return message.direction === 'outbound' && message.status === 'failed' && message.source === 'agent';
}

/** The reaction chips under a bubble, one per emoji with a count. */
export function reactionSummary(message: Pick<MessageDto, 'reactions'>): { emoji: string; count: number; byBusiness: boolean }[] {
  const byEmoji = new Map<string, { emoji: string; count: number; byBusiness: boolean }>();
  for (const reaction of message.reactions) {
    const emoji = reaction.emoji ?? (reaction.reaction === 'love' ? '❤️' : reaction.reaction ? `:${reaction.reaction}:` : null);
    if (!emoji) continue;
    const entry = byEmoji.get(emoji) ?? { emoji, count: 0, byBusiness: false };
    entry.count += 1;
    entry.byBusiness ||= reaction.by === 'business';
    byEmoji.set(emoji, entry);
  }
  return [...byEmoji.values()];
}

/** The text a quoted reply shows for the message it answers. */
export function quoteText(target: MessageDto | undefined): string {
  if (!target) return 'An earlier message';
  if (target.unsentAt) return 'Message unsent';
  if (target.text) return target.text.length > 120 ? `${target.text.slice(0, 119)}…` : target.text;
  const first = target.attachments[0];
  return first ? `[${first.type.replace(/_/g, ' ')}]` : 'An earlier message';
}

/** Whether a day separator goes before message `index` (messages oldest first). */
export function startsNewDay(messages: readonly Pick<MessageDto, 'sentAt'>[], index: number): boolean {
  if (index === 0) return true;
  const a = new Date((messages[index - 1] as Pick<MessageDto, 'sentAt'>).sentAt);
  const b = new Date((messages[index] as Pick<MessageDto, 'sentAt'>).sentAt);
  return a.toDateString() !== b.toDateString();
}
