import type {
  ConversationEventBase,
  EchoSource,
  FeedAction,
  ChangeAuthor,
  MessageDirection,
  NormalizedAttachment,
  NormalizedReferral,
  NormalizedReplyTo,
} from './event-parts';

/** `messaging[].message` — a customer's message, or an echo of one the business sent (`is_echo`). */
export interface MessageEvent extends ConversationEventBase {
  type: 'message';
  customerExternalId: string;
  mid: string;
  direction: MessageDirection;
  isEcho: boolean;
  /** Set for echoes (outbound), null for inbound messages. */
  echoSource: EchoSource | null;
  /** `message.app_id` of an echo, as a string. */
  appId: string | null;
  /** Our Send-API `metadata`, echoed back. */
  metadata: string | null;
  text: string | null;
  attachments: NormalizedAttachment[];
  quickReplyPayload: string | null;
  replyTo: NormalizedReplyTo | null;
  /** Ads / Shops / link referral delivered inside the first message. */
  referral: NormalizedReferral | null;
  /** Messenger bot commands (`commands[].name`). */
  commands: string[];
  /** Legacy top-level `message.sticker_id` (369239263222822 = Like) or the sticker attachment's id. */
  stickerId: string | null;
  /** Instagram self-messaging test (`is_self`): the business messaged its own account. */
  isSelf: boolean;
  /** Meta could not render the content (`is_unsupported`, or only `unsupported_type` attachments). */
  isUnsupported: boolean;
}

/**
 * An Instagram message about a story, split from `message` by the normalizer so the instagram module
 * applies it: `ig_story_mention` — the customer mentioned the business in their story (a `story_mention`
 * attachment whose media must not be stored); `ig_story_reply` — they replied to the business's story
 * (`reply_to.story`). Otherwise a message like any other (same fields, same dedupe key).
 */
export interface IgStoryMessageEvent extends Omit<MessageEvent, 'type'> {
  type: 'ig_story_mention' | 'ig_story_reply';
}

/** `message_edit {mid, text, num_edit}`. */
export interface MessageEditEvent extends ConversationEventBase {
  type: 'message_edit';
  mid: string;
  text: string | null;
  numEdit: number | null;
}

/** User unsent a message: `message{mid, is_deleted:true}` or `message_unsend{mid}`. Stored copies must be deleted. */
export interface MessageUnsendEvent extends ConversationEventBase {
  type: 'message_unsend';
  mid: string;
}

/** `reaction {mid, action, reaction, emoji}`; reaction/emoji are absent on unreact. */
export interface ReactionEvent extends ConversationEventBase {
  type: 'reaction';
  mid: string;
  action: 'react' | 'unreact';
  reaction: string | null;
  emoji: string | null;
}

/** `read {watermark}` (Messenger: everything up to the watermark) or `read {mid}` (Instagram messaging_seen). */
export interface ReadEvent extends ConversationEventBase {
  type: 'read';
  watermark: number | null;
  mid: string | null;
}

/** `delivery {mids?, watermark}`. */
export interface DeliveryEvent extends ConversationEventBase {
  type: 'delivery';
  mids: string[];
  watermark: number | null;
}

/** `postback {mid, title, payload, referral?}` — buttons, icebreakers, Get Started, persistent menu. */
export interface PostbackEvent extends ConversationEventBase {
  type: 'postback';
  mid: string | null;
  title: string | null;
  /** Absent on standby postbacks. */
  payload: string | null;
  referral: NormalizedReferral | null;
}

/** `referral {...}` on an existing thread (m.me / ig.me link, ad, Shops, plugin). */
export interface ReferralEvent extends ConversationEventBase {
  type: 'referral';
  referral: NormalizedReferral;
}

/** `optin {...}` (messaging_optins): plugin / marketing-message / one-time-notification opt-ins. */
export interface OptinEvent extends ConversationEventBase {
  type: 'optin';
  optinType: string | null;
  payload: string | null;
  ref: string | null;
  userRef: string | null;
  notificationMessagesToken: string | null;
  /** `notification_messages_status` (`STOP_NOTIFICATIONS` / `RESUME_NOTIFICATIONS`) or `user_token_status`. */
  notificationMessagesStatus: string | null;
  tokenExpiresAt: number | null;
  /** What the customer subscribed to (`optin.title`, marketing messages). */
  title: string | null;
  /** `notification_messages_timezone`. */
  timezone: string | null;
}

export type HandoverAction = 'pass_thread_control' | 'take_thread_control' | 'request_thread_control' | 'app_roles';

/** Handover protocol (messaging_handovers): thread control changes and app role assignments. */
export interface HandoverEvent extends ConversationEventBase {
  type: 'handover';
  action: HandoverAction;
  previousOwnerAppId: string | null;
  newOwnerAppId: string | null;
  requestedOwnerAppId: string | null;
  metadata: string | null;
  /** `app_roles {<app_id>: ["primary_receiver" | "secondary_receiver"]}`. */
  appRoles: Record<string, string[]> | null;
}

/** `policy-enforcement {action: block|unblock|warning, reason}` (also accepted as `policy_enforcement`). */
export interface PolicyEnforcementEvent extends ConversationEventBase {
  type: 'policy_enforcement';
  action: string | null;
  reason: string | null;
}

/** `response_feedback {mid, feedback}` — the customer rated a bot answer. */
export interface ResponseFeedbackEvent extends ConversationEventBase {
  type: 'response_feedback';
  mid: string | null;
  feedback: string | null;
}

/** `account_linking {status, authorization_code?}`. */
export interface AccountLinkingEvent extends ConversationEventBase {
  type: 'account_linking';
  status: string | null;
  authorizationCode: string | null;
}

/**
 * Facebook Group activity (`group_feed`), delivered in `messaging[]` (or as a change).
 * Not a DM: `customerExternalId` is null and `from` names the author.
 */
export interface GroupFeedEvent extends ConversationEventBase {
  type: 'group_feed';
  groupId: string | null;
  postId: string | null;
  commentId: string | null;
  parentId: string | null;
  item: string | null;
  verb: string | null;
  action: FeedAction;
  message: string | null;
  from: ChangeAuthor | null;
}
