import { MessagePlatform, ReplyBlockReason, type ReplyPolicyResponse } from '@ticklegram/domain-models';
import { checkingBannerView, humanAgentUndecided, localReplyPolicy, policyBannerView, policyExpired, timeLeftAt } from './reply-policy-view';
import { conversationDto } from './test-factories';

const HOUR = 3_600_000;
const evaluatedAt = '2026-11-22T10:00:00.000Z';
const t0 = Date.parse(evaluatedAt);

const response: ReplyPolicyResponse = {
  mode: 'response',
  platform: MessagePlatform.INSTAGRAM,
  messagingType: 'RESPONSE',
  freeTextAllowed: true,
  label: 'Reply window open',
  reason: 'You can reply normally for 2 h more.',
  expiresAt: new Date(t0 + 2 * HOUR).toISOString(),
  timeLeftMs: 2 * HOUR,
  evaluatedAt,
};

describe('reply policy countdown', () => {
  it('counts down from evaluatedAt + timeLeftMs and never below zero', () => {
    expect(timeLeftAt(response, t0)).toBe(2 * HOUR);
    expect(timeLeftAt(response, t0 + 30 * 60_000)).toBe(1.5 * HOUR);
    expect(timeLeftAt(response, t0 + 3 * HOUR)).toBe(0);
    expect(policyBannerView(response, t0 + 30 * 60_000)).toMatchObject({ tone: 'success', countdown: '1 h 30 min left', canType: true });
    expect(policyExpired(response, t0 + HOUR)).toBe(false);
    expect(policyExpired(response, t0 + 2 * HOUR)).toBe(true);
  });

  it('shows Human Agent in amber with its time left, and blocked/template modes in red without a countdown', () => {
    const human: ReplyPolicyResponse = { ...response, mode: 'human_agent', messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', timeLeftMs: 3 * 24 * HOUR };
    expect(policyBannerView(human, t0)).toMatchObject({ tone: 'warning', countdown: '3 d left' });
    const blocked: ReplyPolicyResponse = {
      mode: 'blocked',
      platform: MessagePlatform.INSTAGRAM,
      messagingType: null,
      freeTextAllowed: false,
      label: 'Window closed',
      reason: 'More than 7 days passed.',
      reasonCode: ReplyBlockReason.WINDOW_CLOSED,
      evaluatedAt,
    };
    expect(policyBannerView(blocked, t0)).toEqual({
      tone: 'danger',
      title: 'Window closed',
      detail: 'More than 7 days passed.',
      countdown: null,
      canType: false,
    });
    expect(policyExpired(blocked, t0 + 100 * HOUR)).toBe(false);
  });

  it('computes a local policy from the conversation without promising Human Agent', () => {
    const inside = localReplyPolicy(conversationDto({ lastCustomerMessageAt: new Date(t0 - HOUR).toISOString() }), t0);
    expect(inside).toMatchObject({ mode: 'response', timeLeftMs: 23 * HOUR, evaluatedAt });
    const late = localReplyPolicy(conversationDto({ lastCustomerMessageAt: new Date(t0 - 30 * HOUR).toISOString() }), t0);
    expect(late.freeTextAllowed).toBe(false);
    const messengerLate = localReplyPolicy(
      conversationDto({ platform: MessagePlatform.FACEBOOK, lastCustomerMessageAt: new Date(t0 - 30 * HOUR).toISOString() }),
      t0,
    );
    expect(messengerLate.mode).toBe('template_required');
    expect(localReplyPolicy(conversationDto({ lastCustomerMessageAt: null }), t0)).toMatchObject({
      mode: 'blocked',
      reasonCode: ReplyBlockReason.NO_CUSTOMER_MESSAGE,
    });
  });

  it('knows when its guess hangs on the Human Agent setting (24 h to 7 days) and then says it is checking, not that it is off', () => {
    const ago = (hours: number, platform = MessagePlatform.FACEBOOK) =>
      conversationDto({ platform, lastCustomerMessageAt: new Date(t0 - hours * HOUR).toISOString() });
    expect(humanAgentUndecided(ago(1), t0)).toBe(false);
    expect(humanAgentUndecided(ago(26), t0)).toBe(true);
    expect(humanAgentUndecided(ago(26, MessagePlatform.INSTAGRAM), t0)).toBe(true);
    expect(humanAgentUndecided(ago(8 * 24), t0)).toBe(false);
    expect(humanAgentUndecided(conversationDto({ lastCustomerMessageAt: null }), t0)).toBe(false);
    expect(checkingBannerView(MessagePlatform.FACEBOOK)).toEqual({
      tone: 'warning',
      title: 'Checking the reply window…',
      detail: 'Past the 24-hour reply window: checking whether this Page allows replies with the Human Agent tag.',
      countdown: null,
      canType: false,
    });
    expect(checkingBannerView(MessagePlatform.INSTAGRAM).detail).toContain('this account allows');
  });

  it('blocks locally too while another app owns the conversation', () => {
    const owned = conversationDto({
      lastCustomerMessageAt: new Date(t0 - HOUR).toISOString(),
      threadOwner: { ownedBy: 'other_app', appId: '1', appName: null, since: evaluatedAt },
    });
    expect(localReplyPolicy(owned, t0)).toMatchObject({ mode: 'blocked', reasonCode: ReplyBlockReason.THREAD_OWNED_BY_OTHER_APP });
  });
});
