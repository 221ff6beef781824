import { decideReplyPolicy, formatDuration, type ConversationDto, type ReplyPolicyResponse } from '@ticklegram/domain-models';

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
 * the Human Agent feature is assumed off: the banner never promises more than the api will allow.
 */
export function localReplyPolicy(conversation: ConversationDto, now: number): ReplyPolicyResponse {
  const last = conversation.lastCustomerMessageAt ? Date.parse(conversation.lastCustomerMessageAt) : null;
  const policy = decideReplyPolicy(
    {
      platform: conversation.platform,
      lastCustomerMessageAt: last !== null && !Number.isNaN(last) ? Math.min(last, now) : null,
      channel: { humanAgentEnabled: false },
      sender: 'human',
      customerName: conversation.contact.displayName,
      threadOwner: conversation.threadOwner ?? null,
    },
    now,
  );
  return { ...policy, evaluatedAt: new Date(now).toISOString() };
}
