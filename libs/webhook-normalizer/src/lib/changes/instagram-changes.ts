import type { IgCommentEvent, IgMentionEvent, IgStoryInsightsEvent, NormalizedEvent } from '@ticklegram/domain-models';
import { dedupeKey } from '../dedupe-key';
import { asRecord, compact, opt, readId, readNumber, readString } from '../read-values';
import { toEpochMs } from '../timestamps';
import { changeBase, unsupportedChange, type ChangeContext } from './change-context';

/** Instagram `comments` / `live_comments`. The comment id is `value.id`, or `value.comment_id` on Meta's FB-Login examples page. */
export function normalizeIgComment(cc: ChangeContext): NormalizedEvent {
  const v = cc.value;
  const commentId = readId(v['id']) ?? readId(v['comment_id']);
  if (commentId === null) return unsupportedChange(cc, 'invalid_change', `${cc.field} without id / comment_id`);
  const from = asRecord(v['from']);
  const fromId = readId(from?.['id']);
  const media = asRecord(v['media']);
  const parentId = readId(v['parent_id']);
  const event: IgCommentEvent = {
    ...changeBase(cc, toEpochMs(v['timestamp']) ?? toEpochMs(v['created_time'])),
    type: 'ig_comment',
    dedupeKey: dedupeKey('ig_comment', cc.channel, commentId),
    field: cc.field === 'live_comments' ? 'live_comments' : 'comments',
    commentId,
    parentId,
    isReply: parentId !== null,
    text: typeof v['text'] === 'string' ? v['text'] : null,
    from:
      fromId === null
        ? null
        : compact({
            id: fromId,
            username: opt(readString(from?.['username'])),
            selfIgScopedId: opt(readId(from?.['self_ig_scoped_id'])),
          }),
    isFromBusiness: fromId !== null && fromId === cc.channel,
    media:
      media === null
        ? null
        : {
            id: readId(media['id']),
            productType: readString(media['media_product_type']),
            adId: readId(media['ad_id']),
            adTitle: readString(media['ad_title']),
            originalMediaId: readId(media['original_media_id']),
          },
  };
  return event;
}

/** Instagram `mentions`: `{media_id}` (caption) or `{comment_id, media_id}` (comment). */
export function normalizeIgMention(cc: ChangeContext): NormalizedEvent {
  const mediaId = readId(cc.value['media_id']);
  const commentId = readId(cc.value['comment_id']);
  if (mediaId === null && commentId === null) return unsupportedChange(cc, 'invalid_change', 'mentions without media_id / comment_id');
  const event: IgMentionEvent = {
    ...changeBase(cc, null),
    type: 'ig_mention',
    dedupeKey: dedupeKey('ig_mention', cc.channel, mediaId, commentId),
    mediaId,
    commentId,
  };
  return event;
}

/** Instagram `story_insights`: every numeric field besides `media_id` is a metric. */
export function normalizeIgStoryInsights(cc: ChangeContext): NormalizedEvent {
  const mediaId = readId(cc.value['media_id']);
  if (mediaId === null) return unsupportedChange(cc, 'invalid_change', 'story_insights without media_id');
  const metrics: Record<string, number> = {};
  for (const [key, raw] of Object.entries(cc.value)) {
    const n = key === 'media_id' ? null : readNumber(raw);
    if (n !== null) metrics[key] = n;
  }
  const event: IgStoryInsightsEvent = {
    ...changeBase(cc, null),
    type: 'ig_story_insights',
    dedupeKey: dedupeKey('ig_story_insights', cc.channel, mediaId),
    mediaId,
    metrics,
  };
  return event;
}
