import type { FeedCommentEvent, FeedPostEvent, FeedReactionEvent, NormalizedEvent } from '@ticklegram/domain-models';
import { dedupeKey, fingerprint } from '../dedupe-key';
import { feedAction, isRepeatableAction, readAuthor } from '../feed-values';
import { readBoolean, readId, readPath, readString } from '../read-values';
import { toEpochMs } from '../timestamps';
import { changeBase, unsupportedChange, type ChangeContext } from './change-context';

/** Feed items that are a post of some kind (visitor posts are `post`; the Page's own are status/photo/video...). */
const POST_ITEMS = new Set(['post', 'status', 'photo', 'video', 'share', 'link', 'album', 'note', 'story', 'event']);

function comment(cc: ChangeContext, verb: string): NormalizedEvent {
  const v = cc.value;
  const commentId = readId(v['comment_id']);
  if (commentId === null) return unsupportedChange(cc, 'invalid_change', 'feed comment without comment_id');
  const action = feedAction(verb);
  const postId = readId(v['post_id']);
  const parentId = readId(v['parent_id']);
  const from = readAuthor(v);
  const message = readString(v['message']);
  const created = toEpochMs(v['created_time']);
  // An edit is identified by its new text; other repeatable verbs (hide/unhide) by when Meta sent them.
  const repeat = action === 'edit' && message !== null ? fingerprint(message) : cc.ctx.entryTime;
  const event: FeedCommentEvent = {
    ...changeBase(cc, isRepeatableAction(action) ? cc.ctx.entryTime : created),
    type: 'feed_comment',
    dedupeKey: dedupeKey('fb_comment', cc.channel, commentId, action === 'other' ? verb : action, isRepeatableAction(action) ? repeat : null),
    commentId,
    postId,
    parentId,
    isReply: parentId !== null && postId !== null && parentId !== postId,
    verb,
    action,
    from,
    isFromPage: from?.id === cc.channel,
    message,
    isHidden: readBoolean(v['is_hidden']),
    photoUrl: readString(v['photo']),
    videoUrl: readString(v['video']),
    postPermalinkUrl: readString(readPath(v, 'post', 'permalink_url')),
    postIsAd: readString(readPath(v, 'post', 'promotion_status')) === 'active' || readBoolean(readPath(v, 'post', 'is_published')) === false,
  };
  return event;
}

function reaction(cc: ChangeContext, item: string, verb: string): NormalizedEvent {
  const v = cc.value;
  const postId = readId(v['post_id']);
  const commentId = readId(v['comment_id']);
  if (postId === null && commentId === null) return unsupportedChange(cc, 'invalid_change', 'feed reaction without post_id / comment_id');
  const action = feedAction(verb);
  const from = readAuthor(v);
  const reactionType = readString(v['reaction_type'])?.toLowerCase() ?? (item === 'like' ? 'like' : null);
  const created = toEpochMs(v['created_time']);
  const event: FeedReactionEvent = {
    ...changeBase(cc, created),
    type: 'feed_reaction',
    dedupeKey: dedupeKey(
      'fb_reaction',
      cc.channel,
      commentId ?? postId,
      from?.id,
      action === 'other' ? verb : action,
      reactionType,
      created ?? cc.ctx.entryTime,
    ),
    postId,
    commentId,
    parentId: readId(v['parent_id']),
    reactionType,
    verb,
    action,
    from,
  };
  return event;
}

function post(cc: ChangeContext, item: string, verb: string): NormalizedEvent {
  const v = cc.value;
  const postId = readId(v['post_id']) ?? readId(v['photo_id']) ?? readId(v['video_id']) ?? readId(v['share_id']) ?? readId(v['event_id']);
  if (postId === null) return unsupportedChange(cc, 'invalid_change', `feed ${item} without post_id`);
  const action = feedAction(verb);
  const from = readAuthor(v);
  const created = toEpochMs(v['created_time']);
  const event: FeedPostEvent = {
    ...changeBase(cc, isRepeatableAction(action) ? cc.ctx.entryTime : created),
    type: 'feed_post',
    dedupeKey: dedupeKey('fb_post', cc.channel, postId, action === 'other' ? verb : action, isRepeatableAction(action) ? cc.ctx.entryTime : null),
    postId,
    item,
    verb,
    action,
    from,
    isFromPage: from?.id === cc.channel,
    message: readString(v['message']),
    isHidden: readBoolean(v['is_hidden']),
    published: readBoolean(v['published']),
    link: readString(v['link']),
    photoUrl: readString(v['photo']),
    videoUrl: readString(v['video']),
  };
  return event;
}

/** Facebook Page `feed`: comments and replies, posts, reactions — every verb. Other items stay unsupported. */
export function normalizeFeedChange(cc: ChangeContext): NormalizedEvent {
  const item = readString(cc.value['item'])?.toLowerCase() ?? null;
  const verb = readString(cc.value['verb'])?.toLowerCase() ?? null;
  if (item === null || verb === null) return unsupportedChange(cc, 'invalid_change', 'feed change without item / verb');
  if (item === 'comment') return comment(cc, verb);
  if (item === 'reaction' || item === 'like') return reaction(cc, item, verb);
  if (POST_ITEMS.has(item)) return post(cc, item, verb);
  return unsupportedChange(cc, 'unknown_feed_item', `feed item "${item}" is not modelled`);
}
