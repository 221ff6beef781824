import { decideReplyPolicy, formatDuration, MessagePlatform, type ConversationDto, type ReplyPolicyResponse } from '@ticklegram/domain-models';

export type PolicyTone = 'success' | 'warning' | 'danger';

export interface PolicyBannerView {
  tone: PolicyTone;
  title: string;
  detail: string;
  /** "18 h 12 min left", or null when the mode has no deadline. */
  countdown: string | null;
  canType: boolean;
}

/** Milliseconds left at `now`, counting down from the policy's evaluation time; null when the mode has no deadline. */
export function timeLeftAt(policy: ReplyPolicyResponse, now: number): number | null {
  if (!('timeLeftMs' in policy)) return null;
  const evaluatedAt = Date.parse(policy.evaluatedAt);
  const elapsed = Number.isNaN(evaluatedAt) ? 0 : Math.max(0, now - evaluatedAt);
  return Math.max(0, policy.timeLeftMs - elapsed);
}

export function policyBannerView(policy: ReplyPolicyResponse, now: number): PolicyBannerView {
  const left = timeLeftAt(policy, now);
  const countdown = left === null ? null : `${formatDuration(left)} left`;
  switch (policy.mode) {
    case 'response':
      return { tone: 'success', title: policy.label, detail: policy.reason, countdown, canType: true };
    case 'human_agent':
      return { tone: 'warning', title: 'Human Agent reply', detail: policy.reason, countdown, canType: true };
    case 'private_reply':
      return { tone: 'warning', title: policy.label, detail: policy.reason, countdown, canType: true };
    case 'template_required':
      return { tone: 'danger', title: 'Template required', detail: policy.reason, countdown: null, canType: false };
    case 'blocked':
      return { tone: 'danger', title: policy.label, detail: policy.reason, countdown: null, canType: false };
  }
}

/** True once a countdown has run out: the policy must be fetched again (the mode changes). */
export function policyExpired(policy: ReplyPolicyResponse, now: number): boolean {
  const left = timeLeftAt(policy, now);
  return left !== null && left <= 0;
}

/**
 * The policy computed in the browser from the conversation alone, used until the api's
 * `GET /reply-policy` answers (or when it does not exist yet). Channel settings are unknown here, so
 * the Human Agent feature is assumed off: the composer never allows more than the api will.
 */
export function localReplyPolicy(conversation: ConversationDto, now: number): ReplyPolicyResponse {
  return { ...decideLocally(conversation, now, false), evaluatedAt: new Date(now).toISOString() };
}

/**
 * The local policy depends on the channel's Human Agent setting (the customer wrote 24 h to 7 days ago): until the api
 * answers, the banner says it is checking instead of claiming the feature is off.
 */
export function humanAgentUndecided(conversation: ConversationDto, now: number): boolean {
  return decideLocally(conversation, now, false).mode !== decideLocally(conversation, now, true).mode;
}

/** The banner while {@link humanAgentUndecided}: nothing promised, nothing wrongly refused. */
export function checkingBannerView(platform: MessagePlatform): PolicyBannerView {
  const account = platform === MessagePlatform.FACEBOOK ? 'Page' : 'account';
  return {
    tone: 'warning',
    title: 'Checking the reply window…',
    detail: `Past the 24-hour reply window: checking whether this ${account} allows replies with the Human Agent tag.`,
    countdown: null,
    canType: false,
  };
}

function decideLocally(conversation: ConversationDto, now: number, humanAgentEnabled: boolean) {
  const last = conversation.lastCustomerMessageAt ? Date.parse(conversation.lastCustomerMessageAt) : null;
  return decideReplyPolicy(
    {
      platform: conversation.platform,
      lastCustomerMessageAt: last !== null && !Number.isNaN(last) ? Math.min(last, now) : null,
      channel: { humanAgentEnabled },
      sender: 'human',
      customerName: conversation.contact.displayName,
      threadOwner: conversation.threadOwner ?? null,
    },
    now,
  );
}
