import type { NormalizedAttachment } from '@ticklegram/domain-models';
import type { ConversationMessageWire, ConversationWire } from '@ticklegram/meta-graph';
import type { HistoryMessage } from '../inbox/history/history-merge.service';

/** Who the business is in a conversation: the channel's Meta ids (IG account, its Page, an app-scoped IG id) and its username. */
export interface BusinessIdentity {
  ids: ReadonlySet<string>;
  username: string | null;
}

/** The customer of a conversation: the participant who is not the business; null when Meta lists none. */
export function customerOf(conversation: Pick<ConversationWire, 'participants'>, business: BusinessIdentity): string | null {
  const others = (conversation.participants?.data ?? []).filter((p) => !business.ids.has(p.id) && !(business.username && p.username === business.username));
  return others[0]?.id ?? null;
}

/** Graph's `created_time` (`2026-11-20T10:00:00+0000`). */
export function graphTime(value: string | undefined): Date | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** A Conversations API attachment (`image_data`, `video_data`, `file_url` + `mime_type`) as the normalizer would describe it. */
export function toAttachment(raw: Record<string, unknown>): NormalizedAttachment {
  const image = raw['image_data'] as Record<string, unknown> | undefined;
  const video = raw['video_data'] as Record<string, unknown> | undefined;
  const mime = str(raw['mime_type']) ?? '';
  const url = str(image?.['url']) ?? str(video?.['url']) ?? str(raw['file_url']);
  const type: NormalizedAttachment['type'] = image
    ? 'image'
    : video
      ? 'video'
      : mime.startsWith('audio/')
        ? 'audio'
        : mime.startsWith('image/')
          ? 'image'
          : mime.startsWith('video/')
            ? 'video'
            : url
              ? 'file'
              : 'unsupported';
  return { type, rawType: type, ...(url ? { url } : {}), ...(str(raw['name']) ? { title: str(raw['name']) } : {}), payload: raw };
}

/** One message of the Conversations API; null when it cannot be placed (no id or time). */
export function toHistoryMessage(wire: ConversationMessageWire, customerId: string): HistoryMessage | null {
  const sentAt = graphTime(wire.created_time);
  if (!wire.id || !sentAt) return null;
  const attachments = (wire.attachments?.data ?? []).map(toAttachment);
  if (wire.sticker) attachments.push({ type: 'sticker', rawType: 'sticker', url: wire.sticker, payload: { url: wire.sticker } });
  const story = wire.story as { mention?: { link?: string; id?: string } } | undefined;
  if (story?.mention)
    attachments.push({ type: 'story_mention', rawType: 'story_mention', ...(story.mention.link ? { url: story.mention.link } : {}), payload: story.mention });
  for (const share of wire.shares?.data ?? []) {
    const link = str(share['link']);
    attachments.push({
      type: 'share',
      rawType: 'share',
      ...(link ? { url: link } : {}),
      ...(str(share['name']) ? { title: str(share['name']) } : {}),
      payload: share,
    });
  }
  return {
    mid: wire.id,
    direction: wire.from?.id === customerId ? 'inbound' : 'outbound',
    sentAt,
    text: wire.message ? wire.message : null,
    attachments,
    kind: story?.mention ? 'story_mention' : 'message',
    unsupported: wire.is_unsupported === true,
  };
}
