import type {
  AccountLinkingEvent,
  DeliveryEvent,
  GroupFeedEvent,
  HandoverEvent,
  IgStoryMessageEvent,
  MessageEditEvent,
  MessageEvent,
  MessageUnsendEvent,
  OptinEvent,
  PolicyEnforcementEvent,
  PostbackEvent,
  ReactionEvent,
  ReadEvent,
  ReferralEvent,
  ResponseFeedbackEvent,
} from './messaging-events';
import type {
  FeedCommentEvent,
  FeedPostEvent,
  FeedReactionEvent,
  IgCommentEvent,
  IgMentionEvent,
  IgStoryInsightsEvent,
  PageMentionEvent,
  TemplateStatusEvent,
} from './change-events';
import type { UnsupportedEvent } from './unsupported-event';

/** One Meta webhook fact, normalised. Discriminated on `type`; produced by `libs/webhook-normalizer`. */
export type NormalizedEvent =
  | MessageEvent
  | IgStoryMessageEvent
  | MessageEditEvent
  | MessageUnsendEvent
  | ReactionEvent
  | ReadEvent
  | DeliveryEvent
  | PostbackEvent
  | ReferralEvent
  | OptinEvent
  | HandoverEvent
  | PolicyEnforcementEvent
  | ResponseFeedbackEvent
  | AccountLinkingEvent
  | GroupFeedEvent
  | IgCommentEvent
  | IgMentionEvent
  | IgStoryInsightsEvent
  | FeedCommentEvent
  | FeedPostEvent
  | FeedReactionEvent
  | PageMentionEvent
  | TemplateStatusEvent
  | UnsupportedEvent;

export type NormalizedEventType = NormalizedEvent['type'];

/** The event of a given `type`, e.g. `NormalizedEventOf<'message'>`. */
export type NormalizedEventOf<T extends NormalizedEventType> = Extract<NormalizedEvent, { type: T }>;

/** Every `type` value, in a stable order (exhaustiveness checks, admin filters). */
export const NORMALIZED_EVENT_TYPES = [
  'message',
  'ig_story_mention',
  'ig_story_reply',
  'message_edit',
  'message_unsend',
  'reaction',
  'read',
  'delivery',
  'postback',
  'referral',
  'optin',
  'handover',
  'policy_enforcement',
  'response_feedback',
  'account_linking',
  'group_feed',
  'ig_comment',
  'ig_mention',
  'ig_story_insights',
  'feed_comment',
  'feed_post',
  'feed_reaction',
  'page_mention',
  'template_status',
  'unsupported',
] as const satisfies readonly NormalizedEventType[];

/** Events that belong to a DM conversation (carry `customerExternalId` / `actor` / `isStandby`). */
export const CONVERSATION_EVENT_TYPES = [
  'message',
  'ig_story_mention',
  'ig_story_reply',
  'message_edit',
  'message_unsend',
  'reaction',
  'read',
  'delivery',
  'postback',
  'referral',
  'optin',
  'handover',
  'policy_enforcement',
  'response_feedback',
  'account_linking',
] as const satisfies readonly NormalizedEventType[];
