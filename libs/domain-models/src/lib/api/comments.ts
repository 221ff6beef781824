import type { MessagePlatform } from '../enums';

/** Where a comment stands in the desk. `own`: the business wrote it (shown in threads, never in the stream). */
export type CommentStatus = 'needs_reply' | 'replied' | 'done' | 'hidden' | 'deleted';
export type StoredCommentStatus = CommentStatus | 'own';
export const COMMENT_STATUSES: readonly CommentStatus[] = ['needs_reply', 'replied', 'done', 'hidden', 'deleted'];
export type CommentStatusFilter = CommentStatus | 'all';

/** What was stored: a comment (or reply), an Instagram Live comment, a mention of the business, a visitor post on the Page. */
export type StoredCommentKind = 'comment' | 'live_comment' | 'mention' | 'post';
/** The stream's kind filter: top-level comments, replies, mentions, Live comments, visitor posts. */
export type CommentKindFilter = 'comment' | 'reply' | 'mention' | 'live' | 'post';
export const COMMENT_KIND_FILTERS: readonly CommentKindFilter[] = ['comment', 'reply', 'mention', 'live', 'post'];
export type CommentSource = 'organic' | 'ad';

export interface CommentAuthorDto {
  /** IGSID (Instagram) or the Facebook user id Meta put in the webhook. */
  externalId: string | null;
  name: string | null;
  username: string | null;
}

export interface CommentPrivateReplyDto {
  sentAt: string;
  /** The DM's mid; the conversation shows the comment above this message. */
  mid: string | null;
  /** The person's PSID / IGSID in the DM conversation. */
  recipientId: string | null;
}

export interface CommentDto {
  id: string;
  channelId: string;
  platform: MessagePlatform;
  kind: StoredCommentKind;
  isReply: boolean;
  /** Meta's comment (or post) id. */
  externalId: string;
  parentExternalId: string | null;
  /** The media (Instagram) or post (Facebook) it was written on. */
  postExternalId: string | null;
  mediaProductType: string | null;
  source: CommentSource;
  adId: string | null;
  adTitle: string | null;
  author: CommentAuthorDto;
  isFromBusiness: boolean;
  /** Null once removed (a removed comment's text is not shown again). */
  text: string | null;
  status: StoredCommentStatus;
  isHidden: boolean;
  removed: boolean;
  /** `author` (they deleted it) or `business` (we did); null when not removed or unknown. */
  removedBy: 'author' | 'business' | null;
  editedAt: string | null;
  commentedAt: string;
  permalinkUrl: string | null;
  assigneeId: string | null;
  labelIds: string[];
  /** Our last public reply. */
  repliedAt: string | null;
  privateReply: CommentPrivateReplyDto | null;
  /** A private reply waits in the queue (Meta's hourly limit). */
  privateReplyQueued: boolean;
  doneAt: string | null;
}

export type CommentStatusCounts = Record<CommentStatus | 'all', number>;

/** `GET /api/comments`: newest first. */
export interface CommentListResponse {
  items: CommentDto[];
  nextCursor: string | null;
  /** Per status over the same filters (all but `status`) and the caller's scope. */
  counts: CommentStatusCounts;
  /** A search matched too many comments to count them all: each count is a lower bound, the matches among the newest comments of its status ("40+"). */
  countsAtLeast: boolean;
}

export interface CommentPostDto {
  id: string;
  channelId: string;
  platform: MessagePlatform;
  externalId: string;
  /** Instagram `media_product_type` (FEED, REELS, STORY, AD, LIVE) or Facebook `POST` / `VISITOR_POST` / `MENTION`. */
  productType: string | null;
  isAd: boolean;
  adTitle: string | null;
  caption: string | null;
  permalinkUrl: string | null;
  thumbnailUrl: string | null;
  postedAt: string | null;
  /** Customer comments stored for it (not counting ours). */
  commentCount: number;
  needsReplyCount: number;
  lastCommentAt: string | null;
  /** Instagram Live: on air (private replies allowed) until it ends. */
  liveEnded: boolean;
}

export interface CommentPostListResponse {
  items: CommentPostDto[];
  nextCursor: string | null;
}

export type CommentActionType = 'public_reply' | 'private_reply' | 'hide' | 'unhide' | 'delete' | 'assign' | 'done' | 'reopen' | 'label';
export type CommentActionStatus = 'queued' | 'running' | 'done' | 'failed' | 'skipped';

export type CommentActorDto = { type: 'user'; id: string; name: string | null } | { type: 'rule'; id: string; name: string | null } | { type: 'system' };

/** One thing done (or tried, or queued) to a comment: the thread's activity and a rule's log. */
export interface CommentActionDto {
  id: string;
  commentId: string;
  action: CommentActionType;
  status: CommentActionStatus;
  actor: CommentActorDto;
  /** Reply text, the assignee's name, the label… */
  detail: string | null;
  /** Why it failed or was skipped, in plain words (Meta's reason when Meta refused). */
  reason: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When a queued action will be tried next. */
  nextAttemptAt: string | null;
}

export interface LinkedConversationDto {
  id: string;
  channelId: string;
  platform: MessagePlatform;
  /** False when it exists but is assigned to a teammate (the caller cannot open it). */
  visible: boolean;
}

/** Whether Meta would take a private reply now, and why not. */
export type PrivateReplyEligibility = { allowed: true } | { allowed: false; code: PrivateReplyRefusal; reason: string };
export type PrivateReplyRefusal = 'already_sent' | 'queued' | 'expired' | 'live_ended' | 'not_a_comment' | 'own_comment' | 'removed';

export interface CommentDetailResponse {
  comment: CommentDto;
  post: CommentPostDto | null;
  parent: CommentDto | null;
  /** Replies under it (ours included), oldest first. */
  replies: CommentDto[];
  /** The author's other comments on this channel, newest first. */
  authorComments: CommentDto[];
  /** The author's DM conversation (opened by a private reply, or their own messages). */
  conversation: LinkedConversationDto | null;
  activity: CommentActionDto[];
  privateReply: PrivateReplyEligibility;
}

/** `GET /api/conversations/:id/comments`: the person's comments linked to this conversation by Meta's ids. */
export interface PersonCommentsResponse {
  items: CommentDto[];
}

export interface CommentTextRequest {
  text: string;
}

export interface AssignCommentRequest {
  assigneeId: string | null;
}

/** The result of an action: the comment as it is now and what happened (`queued` when Meta's limit was reached). */
export interface CommentActionResponse {
  comment: CommentDto;
  action: CommentActionDto;
}

// ── auto-moderation rules ─────────────────────────────────────────────────────────────

export type KeywordMode = 'any' | 'all' | 'exact';

export interface CommentRuleConditions {
  keywords?: { words: string[]; mode: KeywordMode };
  regex?: { pattern: string; caseInsensitive?: boolean };
  containsLink?: boolean;
  containsPhone?: boolean;
  containsEmail?: boolean;
  emojiOnly?: boolean;
  /** Matches words of a built-in multilingual profanity list. */
  profanity?: boolean;
  source?: CommentSource;
  /** Meta ids of the posts/media it applies to. */
  postExternalIds?: string[];
  /** The author's first comment on this account. */
  firstCommentOfUser?: boolean;
  platforms?: MessagePlatform[];
}

export type CommentRuleAction =
  | { type: 'hide' }
  | { type: 'delete' }
  | { type: 'label'; labelId: string }
  | { type: 'assign'; userId: string }
  /** `{{name}}`, `{{username}}` and `{{first_name}}` are replaced with the author's. */
  | { type: 'public_reply'; text: string }
  /** Sent once per person per post. */
  | { type: 'private_reply'; text: string };

export type CommentRuleActionType = CommentRuleAction['type'];

export interface CommentRuleRequest {
  name: string;
  enabled?: boolean;
  /** Later rules are not evaluated once this one matched. */
  stopProcessing?: boolean;
  conditions: CommentRuleConditions;
  actions: CommentRuleAction[];
}

export interface CommentRuleDto extends Required<Omit<CommentRuleRequest, 'conditions' | 'actions'>> {
  id: string;
  position: number;
  conditions: CommentRuleConditions;
  actions: CommentRuleAction[];
  createdAt: string;
  updatedAt: string;
}

export interface CommentRuleOrderRequest {
  ids: string[];
}

export interface CommentRuleDryRunRequest {
  /** How many of the latest customer comments to evaluate (1–500). */
  limit: number;
  /** Evaluate this draft alone instead of the saved rules. */
  rule?: CommentRuleRequest;
}

export type DryRunOutcome = 'would_run' | 'would_skip';

export interface CommentRuleDryRunMatch {
  ruleId: string | null;
  ruleName: string;
  actions: { type: CommentRuleActionType; outcome: DryRunOutcome; reason: string | null }[];
}

export interface CommentRuleDryRunResponse {
  evaluated: number;
  matched: number;
  results: { comment: CommentDto; matches: CommentRuleDryRunMatch[] }[];
}

export interface CommentRuleLogEntryDto extends CommentActionDto {
  commentText: string | null;
  commentAuthor: string | null;
}

export interface CommentRuleLogResponse {
  items: CommentRuleLogEntryDto[];
  nextCursor: string | null;
}

// ── backfill ──────────────────────────────────────────────────────────────────────────

export type CommentBackfillStatus = 'running' | 'done' | 'failed';

export interface CommentBackfillDto {
  id: string;
  channelId: string;
  trigger: 'connect' | 'manual';
  status: CommentBackfillStatus;
  postsDone: number;
  commentsSeen: number;
  commentsAdded: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface CommentBackfillRequest {
  /** One channel; every active channel when omitted. */
  channelId?: string;
}
