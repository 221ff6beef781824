import type { ChangeAuthor, FeedAction, NormalizedEventBase } from './event-parts';

/** Instagram `comments` / `live_comments` change. Meta only reports new comments (no verb). */
export interface IgCommentEvent extends NormalizedEventBase {
  type: 'ig_comment';
  field: 'comments' | 'live_comments';
  /** `value.id` (reference) or `value.comment_id` (FB-Login examples page). */
  commentId: string;
  parentId: string | null;
  isReply: boolean;
  text: string | null;
  from: (ChangeAuthor & { selfIgScopedId?: string }) | null;
  /** The business commented on its own media (`from.id` equals the IG account id). */
  isFromBusiness: boolean;
  media: {
    id: string | null;
    productType: string | null;
    adId: string | null;
    adTitle: string | null;
    originalMediaId: string | null;
  } | null;
}

/** Instagram `mentions`: the account was @mentioned in a caption (`media_id`) or comment (`comment_id` + `media_id`). */
export interface IgMentionEvent extends NormalizedEventBase {
  type: 'ig_mention';
  mediaId: string | null;
  commentId: string | null;
}

/** Instagram `story_insights` for an expired story; Meta reports counts below 5 as -1. */
export interface IgStoryInsightsEvent extends NormalizedEventBase {
  type: 'ig_story_insights';
  mediaId: string;
  metrics: Record<string, number>;
}

/** Facebook Page `feed` change with `item: "comment"` (comment or reply, every verb). */
export interface FeedCommentEvent extends NormalizedEventBase {
  type: 'feed_comment';
  commentId: string;
  postId: string | null;
  /** Post id for top-level comments, parent comment id for replies. */
  parentId: string | null;
  isReply: boolean;
  verb: string;
  action: FeedAction;
  from: ChangeAuthor | null;
  /** The Page itself wrote it. */
  isFromPage: boolean;
  message: string | null;
  isHidden: boolean | null;
  photoUrl: string | null;
  videoUrl: string | null;
  postPermalinkUrl: string | null;
  /** The post is an ad (`post.promotion_status: active`, or an unpublished dark post). */
  postIsAd: boolean;
}

/** Facebook Page `feed` change for a post-like item (post, status, photo, video, share, link, album...). */
export interface FeedPostEvent extends NormalizedEventBase {
  type: 'feed_post';
  postId: string;
  item: string;
  verb: string;
  action: FeedAction;
  from: ChangeAuthor | null;
  isFromPage: boolean;
  message: string | null;
  isHidden: boolean | null;
  published: boolean | null;
  link: string | null;
  photoUrl: string | null;
  videoUrl: string | null;
}

/** Facebook Page `feed` change with `item: "reaction"` (or legacy `like`): add / edit / remove. */
export interface FeedReactionEvent extends NormalizedEventBase {
  type: 'feed_reaction';
  postId: string | null;
  commentId: string | null;
  parentId: string | null;
  /** like, love, haha, wow, sad, angry, care (legacy `item:"like"` → `like`). */
  reactionType: string | null;
  verb: string;
  action: FeedAction;
  from: ChangeAuthor | null;
}

/** Facebook Page `mention` change: the Page was @mentioned in a post or comment. */
export interface PageMentionEvent extends NormalizedEventBase {
  type: 'page_mention';
  item: string | null;
  postId: string | null;
  commentId: string | null;
  verb: string | null;
  action: FeedAction;
  from: ChangeAuthor | null;
  message: string | null;
}

/** Utility template review result: `message_template_status_update` or `messenger_template_status_update`. */
export interface TemplateStatusEvent extends NormalizedEventBase {
  type: 'template_status';
  field: 'message_template_status_update' | 'messenger_template_status_update';
  templateId: string | null;
  templateName: string | null;
  language: string | null;
  /** Upper-case `event` (APPROVED, REJECTED, PENDING, PAUSED, DISABLED...). */
  status: string | null;
  reason: string | null;
}
