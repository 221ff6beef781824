import { MessagePlatform } from '../enums';
import { formatDuration } from './format-duration';
import {
  BlockedReplyPolicy,
  HUMAN_AGENT_WINDOW_MS,
  HumanAgentReplyPolicy,
  MESSAGING_WINDOW_MS,
  PRIVATE_REPLY_WINDOW_MS,
  PrivateReplyPolicy,
  ReplyBlockReason,
  ReplyPolicy,
  ReplyPolicyInput,
  ResponseReplyPolicy,
  TemplateRequiredCause,
  TemplateRequiredReplyPolicy,
} from './reply-policy.types';

/** Wording that depends on the platform and the customer, computed once per decision. */
interface Words {
  platform: MessagePlatform;
  /** "Instagram" / "Messenger". */
  network: string;
  /** "Instagram account" / "Facebook Page". */
  accountNoun: string;
  /** "account" / "Page". */
  accountShort: string;
  /** "Jane" / "the customer". */
  who: string;
  /** "Jane's" / "the customer's". */
  whose: string;
}

const BLOCKED_LABELS: Record<ReplyBlockReason, string> = {
  [ReplyBlockReason.NO_CUSTOMER_MESSAGE]: 'Waiting for customer',
  [ReplyBlockReason.WINDOW_CLOSED]: 'Window closed',
  [ReplyBlockReason.HUMAN_AGENT_DISABLED]: 'Window closed',
  [ReplyBlockReason.HUMAN_AGENT_EXPIRED]: 'Window closed',
  [ReplyBlockReason.AUTOMATION_OUTSIDE_WINDOW]: 'Automation not allowed',
  [ReplyBlockReason.CHANNEL_NEEDS_REAUTH]: 'Reconnect channel',
  [ReplyBlockReason.CHANNEL_DISCONNECTED]: 'Channel disconnected',
  [ReplyBlockReason.CHANNEL_RESTRICTED]: 'Page restricted by Meta',
  [ReplyBlockReason.THREAD_OWNED_BY_OTHER_APP]: 'Another app has this conversation',
  [ReplyBlockReason.PRIVATE_REPLY_ALREADY_SENT]: 'Private reply sent',
  [ReplyBlockReason.PRIVATE_REPLY_EXPIRED]: 'Comment too old',
  [ReplyBlockReason.PRIVATE_REPLY_LIVE_ENDED]: 'Live ended',
};

/**
 * Decides how (and whether) a reply can be sent right now under Meta's messaging rules.
 *
 * Windows are half-open: a reply is inside the 24 h window while less than 24 h have passed, and
 * HUMAN_AGENT / private replies are possible while less than 7 days have passed. At exactly 24 h or
 * 7 d there is no time left, so the engine already treats the window as closed.
 *
 * Order: channel health → Meta's restriction of the Page → thread control (another app owns the
 * conversation) → 24 h window → private reply to a comment → outside-window paths (HUMAN_AGENT for
 * people, utility templates on Messenger) → blocked.
 */
export function decideReplyPolicy(input: ReplyPolicyInput, now: number): ReplyPolicy {
  assertEpoch('now', now);
  if (input.lastCustomerMessageAt !== null) assertEpoch('lastCustomerMessageAt', input.lastCustomerMessageAt);
  if (input.privateReply) assertEpoch('privateReply.commentCreatedAt', input.privateReply.commentCreatedAt);

  const words = wordsFor(input);
  const status = input.channel.channelStatus ?? 'active';
  if (status === 'needs_reauth') {
    return blocked(
      words,
      ReplyBlockReason.CHANNEL_NEEDS_REAUTH,
      `Meta no longer accepts this ${words.accountNoun}'s connection, so nothing can be sent. An admin needs to reconnect it in Settings → Channels.`,
    );
  }
  if (status === 'disconnected') {
    return blocked(
      words,
      ReplyBlockReason.CHANNEL_DISCONNECTED,
      `This ${words.accountNoun} is disconnected from TickleGram, so nothing can be sent. An admin can reconnect it in Settings → Channels.`,
    );
  }

  const restriction = input.channel.sendingBlocked;
  if (restriction) {
    const why = restriction.reason?.trim() ? ` Meta's reason: “${restriction.reason.trim()}”` : '';
    return blocked(
      words,
      ReplyBlockReason.CHANNEL_RESTRICTED,
      `Meta has restricted ${words.platform === MessagePlatform.FACEBOOK ? 'this Page' : 'the Facebook Page this Instagram account sends through'} from sending messages (policy enforcement), so nothing can be sent until Meta lifts it.${why}`,
    );
  }
  if (input.threadOwner?.ownedBy === 'other_app') {
    const owner = input.threadOwner.appName?.trim() || 'Another app';
    return blocked(
      words,
      ReplyBlockReason.THREAD_OWNED_BY_OTHER_APP,
      `${owner} controls this conversation right now (Meta's handover between apps), so ${words.network} delivers nothing sent from this inbox. Reply from ${owner === 'Another app' ? 'that app' : owner}, or have it pass the conversation back to this app.`,
    );
  }

  const last = input.lastCustomerMessageAt;
  if (last !== null) {
    const elapsed = Math.max(0, now - last);
    if (elapsed < MESSAGING_WINDOW_MS) return response(input, words, last, now);
  }

  const privateReply = input.privateReply ? decidePrivateReply(input, words, now) : null;
  if (privateReply?.mode === 'private_reply') return privateReply;

  if (last === null) {
    return (
      privateReply ??
      blocked(
        words,
        ReplyBlockReason.NO_CUSTOMER_MESSAGE,
        `${capitalize(words.who)} hasn't messaged this ${words.accountNoun} yet. ${words.network} only lets businesses reply after the customer writes first.`,
      )
    );
  }
  return outsideWindow(input, words, last, now);
}

function response(input: ReplyPolicyInput, words: Words, last: number, now: number): ResponseReplyPolicy {
  const expires = last + MESSAGING_WINDOW_MS;
  const timeLeftMs = Math.min(MESSAGING_WINDOW_MS, expires - now);
  const after =
    input.sender === 'human' && input.channel.humanAgentEnabled
      ? ' After that, the Human Agent tag lets a person reply for up to 7 days after the last message.'
      : '';
  return {
    mode: 'response',
    platform: words.platform,
    messagingType: 'RESPONSE',
    freeTextAllowed: true,
    label: 'Reply window open',
    reason: `You can reply normally for ${formatDuration(timeLeftMs)} more.${after}`,
    expiresAt: new Date(expires).toISOString(),
    timeLeftMs,
  };
}

function decidePrivateReply(input: ReplyPolicyInput, words: Words, now: number): PrivateReplyPolicy | BlockedReplyPolicy | null {
  const ctx = input.privateReply;
  if (!ctx) return null;
  if (ctx.alreadyPrivatelyReplied) {
    return blocked(
      words,
      ReplyBlockReason.PRIVATE_REPLY_ALREADY_SENT,
      `You've already sent a private reply to ${words.whose} comment, and Meta allows only one. You can write again once ${words.who} answers.`,
    );
  }
  const isLive = words.platform === MessagePlatform.INSTAGRAM && ctx.isLiveComment === true;
  if (isLive && ctx.liveBroadcastActive !== true) {
    return blocked(
      words,
      ReplyBlockReason.PRIVATE_REPLY_LIVE_ENDED,
      `${capitalize(words.whose)} comment was made during an Instagram Live that has ended. Instagram only allows private replies to Live comments while the broadcast is on.`,
    );
  }
  const age = Math.max(0, now - ctx.commentCreatedAt);
  if (age >= PRIVATE_REPLY_WINDOW_MS) {
    return blocked(
      words,
      ReplyBlockReason.PRIVATE_REPLY_EXPIRED,
      `${capitalize(words.whose)} comment is ${formatDuration(age)} old. Meta only allows a private reply within 7 days of the comment.`,
    );
  }
  const expires = ctx.commentCreatedAt + PRIVATE_REPLY_WINDOW_MS;
  const timeLeftMs = Math.min(PRIVATE_REPLY_WINDOW_MS, expires - now);
  const when = isLive ? 'while the Live broadcast is on' : `for ${formatDuration(timeLeftMs)} more`;
  return {
    mode: 'private_reply',
    platform: words.platform,
    messagingType: 'RESPONSE',
    recipient: 'comment_id',
    freeTextAllowed: true,
    label: 'Private reply',
    reason: `You can send one private reply to ${words.whose} comment ${when}. Meta allows only one per comment; if ${words.who} answers, the normal 24-hour window applies.`,
    expiresAt: new Date(expires).toISOString(),
    timeLeftMs,
  };
}

function outsideWindow(
  input: ReplyPolicyInput,
  words: Words,
  last: number,
  now: number,
): HumanAgentReplyPolicy | TemplateRequiredReplyPolicy | BlockedReplyPolicy {
  const elapsed = now - last;
  const since = `It's been ${formatDuration(elapsed)} since ${words.whose} last message`;
  const insideHumanAgent = elapsed < HUMAN_AGENT_WINDOW_MS;

  let cause: TemplateRequiredCause;
  let why: string;
  if (input.sender === 'automation') {
    cause = ReplyBlockReason.AUTOMATION_OUTSIDE_WINDOW;
    why = `${since}, past the 24-hour reply window. Automated messages can only be sent within 24 hours; the Human Agent tag is for replies written by a person.`;
  } else if (insideHumanAgent && input.channel.humanAgentEnabled) {
    const expires = last + HUMAN_AGENT_WINDOW_MS;
    const timeLeftMs = expires - now;
    return {
      mode: 'human_agent',
      platform: words.platform,
      messagingType: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      freeTextAllowed: true,
      label: 'Human Agent tag',
      reason: `${since}, past the 24-hour reply window. Your reply goes out with the Human Agent tag, which allows replies written by a person for ${formatDuration(timeLeftMs)} more.`,
      expiresAt: new Date(expires).toISOString(),
      timeLeftMs,
    };
  } else if (insideHumanAgent) {
    cause = ReplyBlockReason.HUMAN_AGENT_DISABLED;
    why = `${since}, past the 24-hour reply window. ${words.network} only allows replies with the Human Agent tag for up to 7 days, and this ${words.accountShort} has it turned off.`;
  } else if (input.channel.humanAgentEnabled) {
    cause = ReplyBlockReason.HUMAN_AGENT_EXPIRED;
    why = `${since}. The Human Agent tag only allows replies for up to 7 days, so it no longer applies.`;
  } else {
    cause = ReplyBlockReason.WINDOW_CLOSED;
    why = `${since}. ${words.network} allows replies within 24 hours, or within 7 days with the Human Agent tag, which this ${words.accountShort} has turned off.`;
  }

  if (words.platform === MessagePlatform.FACEBOOK) return templateRequired(input, words, cause, why);
  return blocked(words, cause, `${why} You can reply again as soon as ${words.who} sends a new message.`);
}

function templateRequired(input: ReplyPolicyInput, words: Words, cause: TemplateRequiredCause, why: string): TemplateRequiredReplyPolicy {
  const count = normalizeTemplateCount(input.approvedUtilityTemplates);
  let next: string;
  if (count === null) {
    next = 'Pick an approved utility template of this Page.';
  } else if (count === 0) {
    next = 'This Page has no approved utility template that can be sent yet; an admin can add one under Templates.';
  } else if (count === 1) {
    next = "Use this Page's approved utility template.";
  } else {
    next = `Pick one of this Page's ${count} approved utility templates.`;
  }
  return {
    mode: 'template_required',
    platform: words.platform,
    messagingType: 'UTILITY',
    freeTextAllowed: false,
    label: 'Template required',
    reason: `${why} Only an approved utility template can be sent now. ${next}`,
    cause,
    approvedUtilityTemplates: count,
  };
}

function blocked(words: Words, reasonCode: ReplyBlockReason, reason: string): BlockedReplyPolicy {
  return {
    mode: 'blocked',
    platform: words.platform,
    messagingType: null,
    freeTextAllowed: false,
    label: BLOCKED_LABELS[reasonCode],
    reason,
    reasonCode,
  };
}

function wordsFor(input: ReplyPolicyInput): Words {
  const name = input.customerName?.trim();
  const instagram = input.platform === MessagePlatform.INSTAGRAM;
  return {
    platform: input.platform,
    network: instagram ? 'Instagram' : 'Messenger',
    accountNoun: instagram ? 'Instagram account' : 'Facebook Page',
    accountShort: instagram ? 'account' : 'Page',
    who: name ? name : 'the customer',
    whose: name ? `${name}'s` : "the customer's",
  };
}

function normalizeTemplateCount(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.max(0, Math.floor(value));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function assertEpoch(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`decideReplyPolicy: ${name} must be epoch milliseconds, got ${value}`);
}
