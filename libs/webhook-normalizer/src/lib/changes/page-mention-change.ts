import type { NormalizedEvent, PageMentionEvent } from '@ticklegram/domain-models';
import { dedupeKey } from '../dedupe-key';
import { feedAction, isRepeatableAction, readAuthor } from '../feed-values';
import { readId, readString } from '../read-values';
import { toEpochMs } from '../timestamps';
import { changeBase, unsupportedChange, type ChangeContext } from './change-context';

/** Facebook Page `mention`: `{item: post|comment, verb, post_id, comment_id?, sender_id, sender_name, message, created_time}`. */
export function normalizePageMention(cc: ChangeContext): NormalizedEvent {
  const v = cc.value;
  const postId = readId(v['post_id']);
  const commentId = readId(v['comment_id']);
  if (postId === null && commentId === null) return unsupportedChange(cc, 'invalid_change', 'mention without post_id / comment_id');
  const verb = readString(v['verb'])?.toLowerCase() ?? null;
  const action = feedAction(verb);
  const event: PageMentionEvent = {
    ...changeBase(cc, toEpochMs(v['created_time'])),
    type: 'page_mention',
    dedupeKey: dedupeKey('fb_mention', cc.channel, commentId ?? postId, verb, isRepeatableAction(action) ? cc.ctx.entryTime : null),
    item: readString(v['item']),
    postId,
    commentId,
    verb,
    action,
    from: readAuthor(v),
    message: readString(v['message']),
  };
  return event;
}
