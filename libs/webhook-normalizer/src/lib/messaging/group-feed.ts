import type { GroupFeedEvent, NormalizedEvent } from '@ticklegram/domain-models';
import { dedupeKey } from '../dedupe-key';
import { feedAction, isRepeatableAction, readAuthor } from '../feed-values';
import { readId, readString } from '../read-values';
import { toEpochMs } from '../timestamps';
import { conversationBase, invalidItem, type ItemContext } from './item-context';

/** `group_feed` activity (arrives in `messaging[]` with `field:"group_feed"`, or as a change value). */
export function normalizeGroupFeed(ic: ItemContext): NormalizedEvent {
  const v = ic.item;
  const postId = readId(v['post_id']);
  const commentId = readId(v['comment_id']);
  if (postId === null && commentId === null) return invalidItem(ic, 'group_feed', 'group_feed without post_id or comment_id');
  const verb = readString(v['verb']);
  const action = feedAction(verb);
  const item = readString(v['item']);
  const timestamp = toEpochMs(v['created_time']) ?? ic.timestamp;
  const event: GroupFeedEvent = {
    ...conversationBase(ic),
    customerExternalId: null,
    timestamp,
    type: 'group_feed',
    dedupeKey: dedupeKey('group_feed', ic.channel, commentId ?? postId, item, action, isRepeatableAction(action) ? (ic.ctx.entryTime ?? timestamp) : null),
    groupId: readId(v['group_id']),
    postId,
    commentId,
    parentId: readId(v['parent_id']),
    item,
    verb,
    action,
    message: readString(v['message']),
    from: readAuthor(v),
  };
  return event;
}
