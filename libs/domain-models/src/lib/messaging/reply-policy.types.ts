import type { ReplyPolicyTemplateOption } from '../api/templates';
import { MessagePlatform } from '../enums';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Standard messaging window after the customer's last message (Messenger and Instagram). */
export const MESSAGING_WINDOW_MS = 24 * HOUR_MS;
/** How long after the customer's last message a human may still reply with the HUMAN_AGENT tag. */
export const HUMAN_AGENT_WINDOW_MS = 7 * DAY_MS;
/** How long after a comment was created it can receive its one private reply. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * DAY_MS;

/**
 * Connection state of a channel, as string literals so the `ChannelStatus` enum of the channels api
 * (same wire values) can be passed straight in.
 */
export type ReplyPolicyChannelStatus = 'active' | 'needs_reauth' | 'disconnected';

/** Who is sending: a person in the inbox, or an automation (bot, rule, scheduled job). */
export type OutboundSenderKind = 'human' | 'automation';

/** `messaging_type` values the engine ever tells the api to use. `UPDATE` is never needed for replies. */
export type SendMessagingType = 'RESPONSE' | 'MESSAGE_TAG' | 'UTILITY';

/**
 * The only message tag still offered. CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE
 * fail with error 100 since 2026-04-27 and never existed on Instagram.
 */
export type SendMessageTag = 'HUMAN_AGENT';

/** Why a reply cannot go out as free text (on `blocked`, and as the cause on `template_required`). */
export enum ReplyBlockReason {
  /** The customer never messaged the account (and no private reply to a comment is possible). */
  NO_CUSTOMER_MESSAGE = 'NO_CUSTOMER_MESSAGE',
  /** More than 7 days since the customer's last message and the channel has no Human Agent tag. */
  WINDOW_CLOSED = 'WINDOW_CLOSED',
  /** Between 24 h and 7 d, a human sender, but the channel has the Human Agent feature turned off. */
  HUMAN_AGENT_DISABLED = 'HUMAN_AGENT_DISABLED',
  /** More than 7 days since the customer's last message: even the Human Agent tag no longer applies. */
  HUMAN_AGENT_EXPIRED = 'HUMAN_AGENT_EXPIRED',
  /** An automation may only send inside the 24 h window; HUMAN_AGENT is for people only. */
  AUTOMATION_OUTSIDE_WINDOW = 'AUTOMATION_OUTSIDE_WINDOW',
  /** Meta rejected the channel's token (error 190); an admin must reconnect it. */
  CHANNEL_NEEDS_REAUTH = 'CHANNEL_NEEDS_REAUTH',
  /** The channel was disconnected from TickleGram. */
  CHANNEL_DISCONNECTED = 'CHANNEL_DISCONNECTED',
  /** Meta restricted the Page from sending (policy enforcement `block`, error 10/1893063). */
  CHANNEL_RESTRICTED = 'CHANNEL_RESTRICTED',
  /** Another app controls the conversation (Handover Protocol / Conversation Routing): Meta delivers nothing we send (10/2018300). */
  THREAD_OWNED_BY_OTHER_APP = 'THREAD_OWNED_BY_OTHER_APP',
  /** Meta allows one private reply per comment, and it was already sent. */
  PRIVATE_REPLY_ALREADY_SENT = 'PRIVATE_REPLY_ALREADY_SENT',
  /** The comment is 7 days old or older. */
  PRIVATE_REPLY_EXPIRED = 'PRIVATE_REPLY_EXPIRED',
  /** An Instagram Live comment can only be answered privately while the broadcast is on. */
  PRIVATE_REPLY_LIVE_ENDED = 'PRIVATE_REPLY_LIVE_ENDED',
}

/** The causes that turn into `template_required` on Messenger instead of `blocked`. */
export type TemplateRequiredCause =
  | ReplyBlockReason.HUMAN_AGENT_DISABLED
  | ReplyBlockReason.HUMAN_AGENT_EXPIRED
  | ReplyBlockReason.WINDOW_CLOSED
  | ReplyBlockReason.AUTOMATION_OUTSIDE_WINDOW;

/** The comment a private reply would answer (recipient `{comment_id}` on the Send API). */
export interface PrivateReplyContext {
  /** When the comment was created, epoch ms. */
  commentCreatedAt: number;
  /** Whether a private reply to this comment was already sent (Meta allows exactly one). */
  alreadyPrivatelyReplied: boolean;
  /** Instagram only: the comment was made on a Live broadcast. */
  isLiveComment?: boolean;
  /** Instagram only, with `isLiveComment`: the broadcast is still on. */
  liveBroadcastActive?: boolean;
}

export interface ReplyPolicyChannelSettings {
  /** The channel's app has the Human Agent feature (App Review) and an admin turned it on. */
  humanAgentEnabled: boolean;
  /** Absent means `active`. */
  channelStatus?: ReplyPolicyChannelStatus;
  /** Meta blocked the Page from sending (policy enforcement); its reason as sent. Absent / null = not blocked. */
  sendingBlocked?: { reason: string | null } | null;
}

/** Who controls the conversation right now (Handover Protocol on Messenger, Conversation Routing on Instagram). */
export interface ReplyPolicyThreadOwner {
  ownedBy: 'this_app' | 'other_app';
  /** A readable name of the owning app, when known ("Meta Business Suite inbox"). */
  appName?: string | null;
}

export interface ReplyPolicyInput {
  platform: MessagePlatform;
  /** Epoch ms of the customer's last message (or other qualifying action); `null` = never messaged. */
  lastCustomerMessageAt: number | null;
  channel: ReplyPolicyChannelSettings;
  sender: OutboundSenderKind;
  /**
   * Messenger only: how many of the Page's utility templates can be sent now. `null` or absent = unknown
   * (not looked up, e.g. the browser's local policy); the reason then does not promise any.
   */
  approvedUtilityTemplates?: number | null;
  /** Used in reasons ("since Jane's last message"); falls back to "the customer". */
  customerName?: string | null;
  /** Present when the agent is answering a comment privately. */
  privateReply?: PrivateReplyContext;
  /** Absent means this app owns the conversation. */
  threadOwner?: ReplyPolicyThreadOwner | null;
}

interface ReplyPolicyBase {
  platform: MessagePlatform;
  /** Short text for a badge, e.g. "Reply window open". */
  label: string;
  /** Plain-language explanation for the composer. */
  reason: string;
  /** Whether the composer may send a free-form text/attachment message now. */
  freeTextAllowed: boolean;
}

/** Inside 24 h: a normal reply. */
export interface ResponseReplyPolicy extends ReplyPolicyBase {
  mode: 'response';
  messagingType: 'RESPONSE';
  freeTextAllowed: true;
  /** ISO time the 24 h window closes. */
  expiresAt: string;
  timeLeftMs: number;
}

/** 24 h – 7 d, a human sender, channel has HUMAN_AGENT: send with `MESSAGE_TAG` + `HUMAN_AGENT`. */
export interface HumanAgentReplyPolicy extends ReplyPolicyBase {
  mode: 'human_agent';
  messagingType: 'MESSAGE_TAG';
  tag: SendMessageTag;
  freeTextAllowed: true;
  /** ISO time of the 7-day mark. */
  expiresAt: string;
  timeLeftMs: number;
}

/** One private reply to a comment (recipient `{comment_id}`), within 7 days of the comment. */
export interface PrivateReplyPolicy extends ReplyPolicyBase {
  mode: 'private_reply';
  messagingType: 'RESPONSE';
  recipient: 'comment_id';
  freeTextAllowed: true;
  /** ISO time the comment becomes too old for a private reply. */
  expiresAt: string;
  timeLeftMs: number;
}

/** Messenger outside the window: only an approved utility template (`messaging_type: UTILITY`). */
export interface TemplateRequiredReplyPolicy extends ReplyPolicyBase {
  mode: 'template_required';
  messagingType: 'UTILITY';
  freeTextAllowed: false;
  /** Why free text is not possible. */
  cause: TemplateRequiredCause;
  /** Usable utility templates of the Page; `null` = unknown (not looked up). */
  approvedUtilityTemplates: number | null;
}

/** Nothing can be sent now. */
export interface BlockedReplyPolicy extends ReplyPolicyBase {
  mode: 'blocked';
  messagingType: null;
  freeTextAllowed: false;
  reasonCode: ReplyBlockReason;
}

export type ReplyPolicy = ResponseReplyPolicy | HumanAgentReplyPolicy | PrivateReplyPolicy | TemplateRequiredReplyPolicy | BlockedReplyPolicy;

export type ReplyPolicyMode = ReplyPolicy['mode'];

/** Body of `GET /api/conversations/:id/reply-policy`. */
export type ReplyPolicyResponse = ReplyPolicy & {
  /** ISO time the policy was evaluated; `timeLeftMs` counts from here. */
  evaluatedAt: string;
  /**
   * Messenger: the Page's utility templates (agents: approved ones only), each usable now or with the
   * reason it is not. Absent when the api did not evaluate templates (e.g. the browser's local policy).
   */
  templates?: ReplyPolicyTemplateOption[];
};
