import { MessagePlatform } from '../enums';
import { decideReplyPolicy } from './reply-policy';
import { DAY_MS, HOUR_MS, ReplyBlockReason, ReplyPolicy, ReplyPolicyInput, ReplyPolicyMode, ReplyPolicyResponse } from './reply-policy.types';

const IG = MessagePlatform.INSTAGRAM;
const FB = MessagePlatform.FACEBOOK;
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const R = ReplyBlockReason;

function input(overrides: Partial<ReplyPolicyInput> & Pick<ReplyPolicyInput, 'platform'>): ReplyPolicyInput {
  return {
    lastCustomerMessageAt: NOW - HOUR_MS,
    channel: { humanAgentEnabled: true, channelStatus: 'active' },
    sender: 'human',
    ...overrides,
  };
}

function ago(ms: number): number {
  return NOW - ms;
}

const AGES = [
  ['23 h', 23 * HOUR_MS],
  ['exactly 24 h', 24 * HOUR_MS],
  ['25 h', 25 * HOUR_MS],
  ['6 d', 6 * DAY_MS],
  ['exactly 7 d', 7 * DAY_MS],
  ['8 d', 8 * DAY_MS],
] as const;

type Expected = readonly [ReplyPolicyMode, ReplyBlockReason | null];
const resp: Expected = ['response', null];
const tagged: Expected = ['human_agent', null];
const blockedBy = (code: ReplyBlockReason): Expected => ['blocked', code];
const template = (cause: ReplyBlockReason): Expected => ['template_required', cause];

/** Expected outcome per age, in the order of AGES: 23 h, 24 h, 25 h, 6 d, 7 d, 8 d. */
const MATRIX: readonly (readonly [MessagePlatform, 'human' | 'automation', boolean, readonly Expected[]])[] = [
  [IG, 'human', true, [resp, tagged, tagged, tagged, blockedBy(R.HUMAN_AGENT_EXPIRED), blockedBy(R.HUMAN_AGENT_EXPIRED)]],
  [
    IG,
    'human',
    false,
    [
      resp,
      blockedBy(R.HUMAN_AGENT_DISABLED),
      blockedBy(R.HUMAN_AGENT_DISABLED),
      blockedBy(R.HUMAN_AGENT_DISABLED),
      blockedBy(R.WINDOW_CLOSED),
      blockedBy(R.WINDOW_CLOSED),
    ],
  ],
  [IG, 'automation', true, [resp, ...Array.from({ length: 5 }, () => blockedBy(R.AUTOMATION_OUTSIDE_WINDOW))]],
  [IG, 'automation', false, [resp, ...Array.from({ length: 5 }, () => blockedBy(R.AUTOMATION_OUTSIDE_WINDOW))]],
  [FB, 'human', true, [resp, tagged, tagged, tagged, template(R.HUMAN_AGENT_EXPIRED), template(R.HUMAN_AGENT_EXPIRED)]],
  [
    FB,
    'human',
    false,
    [
      resp,
      template(R.HUMAN_AGENT_DISABLED),
      template(R.HUMAN_AGENT_DISABLED),
      template(R.HUMAN_AGENT_DISABLED),
      template(R.WINDOW_CLOSED),
      template(R.WINDOW_CLOSED),
    ],
  ],
  [FB, 'automation', true, [resp, ...Array.from({ length: 5 }, () => template(R.AUTOMATION_OUTSIDE_WINDOW))]],
  [FB, 'automation', false, [resp, ...Array.from({ length: 5 }, () => template(R.AUTOMATION_OUTSIDE_WINDOW))]],
];

const CASES = MATRIX.flatMap(([platform, sender, humanAgentEnabled, expected]) =>
  AGES.map(([ageLabel, ageMs], i) => {
    const [mode, code] = expected[i] ?? resp;
    return { platform, sender, humanAgentEnabled, ageLabel, ageMs, mode, code };
  }),
);

function sendFields(policy: ReplyPolicy): { messagingType: string | null; tag: string | undefined } {
  return { messagingType: policy.messagingType, tag: policy.mode === 'human_agent' ? policy.tag : undefined };
}

describe('decideReplyPolicy: window matrix', () => {
  it.each(CASES)(
    '$platform, $sender sender, HUMAN_AGENT $humanAgentEnabled, last message $ageLabel ago → $mode $code',
    ({ platform, sender, humanAgentEnabled, ageMs, mode, code }) => {
      const policy = decideReplyPolicy(input({ platform, sender, channel: { humanAgentEnabled }, lastCustomerMessageAt: ago(ageMs) }), NOW);
      expect(policy.mode).toBe(mode);
      expect(policy.platform).toBe(platform);
      expect(policy.label.length).toBeGreaterThan(0);
      expect(policy.reason.length).toBeGreaterThan(0);
      switch (policy.mode) {
        case 'response':
          expect(sendFields(policy)).toEqual({ messagingType: 'RESPONSE', tag: undefined });
          expect(policy.freeTextAllowed).toBe(true);
          break;
        case 'human_agent':
          expect(sendFields(policy)).toEqual({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
          expect(sender).toBe('human');
          break;
        case 'template_required':
          expect(policy.cause).toBe(code);
          expect(sendFields(policy)).toEqual({ messagingType: 'UTILITY', tag: undefined });
          expect(policy.freeTextAllowed).toBe(false);
          break;
        case 'blocked':
          expect(policy.reasonCode).toBe(code);
          expect(policy.messagingType).toBeNull();
          expect(policy.freeTextAllowed).toBe(false);
          break;
        default:
          throw new Error(`unexpected mode ${policy.mode}`);
      }
    },
  );

  it('never offers a tag other than HUMAN_AGENT, and never to automation', () => {
    for (const c of CASES) {
      const policy = decideReplyPolicy(
        input({ platform: c.platform, sender: c.sender, channel: { humanAgentEnabled: c.humanAgentEnabled }, lastCustomerMessageAt: ago(c.ageMs) }),
        NOW,
      );
      const { tag } = sendFields(policy);
      expect([undefined, 'HUMAN_AGENT']).toContain(tag);
      if (c.sender === 'automation') expect(tag).toBeUndefined();
      expect(JSON.stringify(policy)).not.toMatch(/CONFIRMED_EVENT_UPDATE|POST_PURCHASE_UPDATE|ACCOUNT_UPDATE/);
    }
  });
});

describe('decideReplyPolicy: time left and edges', () => {
  it('inside 24 h: RESPONSE until the 24 h mark', () => {
    const last = NOW - (20 * HOUR_MS + 48 * 60_000);
    const policy = decideReplyPolicy(input({ platform: IG, lastCustomerMessageAt: last, channel: { humanAgentEnabled: false } }), NOW);
    expect(policy).toEqual({
      mode: 'response',
      platform: IG,
      messagingType: 'RESPONSE',
      freeTextAllowed: true,
      label: 'Reply window open',
      reason: 'You can reply normally for 3 h 12 min more.',
      expiresAt: new Date(last + 24 * HOUR_MS).toISOString(),
      timeLeftMs: 3 * HOUR_MS + 12 * 60_000,
    });
  });

  it('inside 24 h, a human with HUMAN_AGENT on is told what comes next', () => {
    const policy = decideReplyPolicy(input({ platform: FB, lastCustomerMessageAt: ago(23 * HOUR_MS) }), NOW);
    expect(policy.reason).toBe(
      'You can reply normally for 1 h more. After that, the Human Agent tag lets a person reply for up to 7 days after the last message.',
    );
    const bot = decideReplyPolicy(input({ platform: FB, sender: 'automation', lastCustomerMessageAt: ago(23 * HOUR_MS) }), NOW);
    expect(bot.reason).toBe('You can reply normally for 1 h more.');
  });

  it('one millisecond before 24 h is still a normal reply; exactly 24 h is not', () => {
    const before = decideReplyPolicy(input({ platform: IG, lastCustomerMessageAt: ago(24 * HOUR_MS - 1) }), NOW);
    expect(before).toMatchObject({ mode: 'response', timeLeftMs: 1 });
    expect(before.reason).toContain('under 1 min');
    const at = decideReplyPolicy(input({ platform: IG, lastCustomerMessageAt: ago(24 * HOUR_MS) }), NOW);
    expect(at).toMatchObject({ mode: 'human_agent', timeLeftMs: 6 * DAY_MS });
  });

  it('HUMAN_AGENT counts down to the 7-day mark', () => {
    const last = ago(25 * HOUR_MS);
    const policy = decideReplyPolicy(input({ platform: IG, lastCustomerMessageAt: last, customerName: 'Jane' }), NOW);
    expect(policy).toEqual({
      mode: 'human_agent',
      platform: IG,
      messagingType: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      freeTextAllowed: true,
      label: 'Human Agent tag',
      reason:
        "It's been 1 d 1 h since Jane's last message, past the 24-hour reply window. Your reply goes out with the Human Agent tag, which allows replies written by a person for 5 d 23 h more.",
      expiresAt: new Date(last + 7 * DAY_MS).toISOString(),
      timeLeftMs: 7 * DAY_MS - 25 * HOUR_MS,
    });
  });

  it('one millisecond before 7 d HUMAN_AGENT still applies; exactly 7 d it does not', () => {
    expect(decideReplyPolicy(input({ platform: FB, lastCustomerMessageAt: ago(7 * DAY_MS - 1) }), NOW)).toMatchObject({
      mode: 'human_agent',
      timeLeftMs: 1,
    });
    expect(decideReplyPolicy(input({ platform: FB, lastCustomerMessageAt: ago(7 * DAY_MS) }), NOW)).toMatchObject({
      mode: 'template_required',
      cause: R.HUMAN_AGENT_EXPIRED,
    });
  });

  it('a last message in the future (clock skew) counts as just now', () => {
    const policy = decideReplyPolicy(input({ platform: IG, lastCustomerMessageAt: NOW + 5 * 60_000 }), NOW);
    expect(policy).toMatchObject({ mode: 'response', timeLeftMs: 24 * HOUR_MS });
  });

  it.each([
    ['now', { platform: IG }, Number.NaN],
    ['lastCustomerMessageAt', { platform: IG, lastCustomerMessageAt: Number.POSITIVE_INFINITY }, NOW],
    ['commentCreatedAt', { platform: IG, privateReply: { commentCreatedAt: Number.NaN, alreadyPrivatelyReplied: false } }, NOW],
  ] as const)('rejects a non-finite %s', (_name, overrides, now) => {
    expect(() => decideReplyPolicy(input(overrides), now)).toThrow(RangeError);
  });
});

describe('decideReplyPolicy: reasons', () => {
  it('Instagram with HUMAN_AGENT off explains the 7-day rule and that the account has it off', () => {
    const policy = decideReplyPolicy(
      input({ platform: IG, customerName: 'Jane', channel: { humanAgentEnabled: false }, lastCustomerMessageAt: ago(30 * HOUR_MS) }),
      NOW,
    );
    expect(policy).toEqual({
      mode: 'blocked',
      platform: IG,
      messagingType: null,
      freeTextAllowed: false,
      label: 'Window closed',
      reasonCode: R.HUMAN_AGENT_DISABLED,
      reason:
        "It's been 1 d 6 h since Jane's last message, past the 24-hour reply window. Instagram only allows replies with the Human Agent tag for up to 7 days, and this account has it turned off. You can reply again as soon as Jane sends a new message.",
    });
  });

  it('falls back to "the customer" without a name', () => {
    const policy = decideReplyPolicy(input({ platform: IG, customerName: '  ', lastCustomerMessageAt: ago(8 * DAY_MS) }), NOW);
    expect(policy.reason).toBe(
      "It's been 8 d since the customer's last message. The Human Agent tag only allows replies for up to 7 days, so it no longer applies. You can reply again as soon as the customer sends a new message.",
    );
  });

  it('automation outside the window on Instagram is told HUMAN_AGENT is for people', () => {
    const policy = decideReplyPolicy(input({ platform: IG, sender: 'automation', lastCustomerMessageAt: ago(2 * DAY_MS) }), NOW);
    expect(policy.label).toBe('Automation not allowed');
    expect(policy.reason).toContain('the Human Agent tag is for replies written by a person');
  });

  it('Instagram beyond 7 days with HUMAN_AGENT off names both limits', () => {
    const policy = decideReplyPolicy(input({ platform: IG, channel: { humanAgentEnabled: false }, lastCustomerMessageAt: ago(9 * DAY_MS) }), NOW);
    expect(policy.reason).toContain('Instagram allows replies within 24 hours, or within 7 days with the Human Agent tag, which this account has turned off.');
  });
});

describe('decideReplyPolicy: Messenger utility templates', () => {
  const outside = { platform: FB, channel: { humanAgentEnabled: false }, lastCustomerMessageAt: ago(3 * DAY_MS) } as const;

  it.each([
    [undefined, null, 'Pick an approved utility template of this Page.'],
    [null, null, 'Pick an approved utility template of this Page.'],
    [0, 0, 'This Page has no approved utility template that can be sent yet; an admin can add one under Templates.'],
    [1, 1, "Use this Page's approved utility template."],
    [3, 3, "Pick one of this Page's 3 approved utility templates."],
  ])('approvedUtilityTemplates %p', (approvedUtilityTemplates, count, sentence) => {
    const policy = decideReplyPolicy(input({ ...outside, approvedUtilityTemplates }), NOW);
    if (policy.mode !== 'template_required') throw new Error(`expected template_required, got ${policy.mode}`);
    expect(policy.approvedUtilityTemplates).toBe(count);
    expect(policy.label).toBe('Template required');
    expect(policy.reason).toBe(
      `It's been 3 d since the customer's last message, past the 24-hour reply window. Messenger only allows replies with the Human Agent tag for up to 7 days, and this Page has it turned off. Only an approved utility template can be sent now. ${sentence}`,
    );
  });

  it('Instagram has no template route even when templates exist', () => {
    const policy = decideReplyPolicy(input({ ...outside, platform: IG, approvedUtilityTemplates: 5 }), NOW);
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: R.HUMAN_AGENT_DISABLED });
  });

  it('inside HUMAN_AGENT the tag is preferred over a template', () => {
    const policy = decideReplyPolicy(input({ platform: FB, approvedUtilityTemplates: 4, lastCustomerMessageAt: ago(2 * DAY_MS) }), NOW);
    expect(policy.mode).toBe('human_agent');
  });
});

describe('decideReplyPolicy: channel status and first contact', () => {
  it.each([
    [IG, 'needs_reauth', R.CHANNEL_NEEDS_REAUTH, 'Reconnect channel', 'Instagram account'],
    [FB, 'needs_reauth', R.CHANNEL_NEEDS_REAUTH, 'Reconnect channel', 'Facebook Page'],
    [IG, 'disconnected', R.CHANNEL_DISCONNECTED, 'Channel disconnected', 'Instagram account'],
    [FB, 'disconnected', R.CHANNEL_DISCONNECTED, 'Channel disconnected', 'Facebook Page'],
  ] as const)('%s %s blocks even inside 24 h and for private replies', (platform, channelStatus, code, label, noun) => {
    const policy = decideReplyPolicy(
      input({
        platform,
        channel: { humanAgentEnabled: true, channelStatus },
        lastCustomerMessageAt: ago(HOUR_MS),
        privateReply: { commentCreatedAt: ago(HOUR_MS), alreadyPrivatelyReplied: false },
      }),
      NOW,
    );
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: code, label, messagingType: null });
    expect(policy.reason).toContain(noun);
    expect(policy.reason).toContain('Settings → Channels');
  });

  it.each([IG, FB])('%s: absent and active channel status behave the same', (platform) => {
    const a = decideReplyPolicy(input({ platform, channel: { humanAgentEnabled: true } }), NOW);
    const b = decideReplyPolicy(input({ platform, channel: { humanAgentEnabled: true, channelStatus: 'active' } }), NOW);
    expect(a).toEqual(b);
    expect(a.mode).toBe('response');
  });

  it.each([
    [IG, 'human', undefined],
    [FB, 'human', 3],
    [FB, 'automation', 3],
  ] as const)('%s never messaged (%s, templates %p) → blocked', (platform, sender, approvedUtilityTemplates) => {
    const policy = decideReplyPolicy(input({ platform, sender, approvedUtilityTemplates, lastCustomerMessageAt: null, customerName: 'Jane' }), NOW);
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: R.NO_CUSTOMER_MESSAGE, label: 'Waiting for customer' });
    expect(policy.reason).toMatch(/^Jane hasn't messaged this (Instagram account|Facebook Page) yet\./);
  });
});

describe('decideReplyPolicy: Meta restrictions and thread control', () => {
  it.each([
    [FB, 'Page restricted by Meta', /this Page from sending messages.*Meta's reason: “Spam reports”/],
    [IG, 'Page restricted by Meta', /the Facebook Page this Instagram account sends through/],
  ] as const)('%s: a Page blocked by policy enforcement blocks every reply, even inside 24 h', (platform, label, reason) => {
    const policy = decideReplyPolicy(input({ platform, channel: { humanAgentEnabled: true, sendingBlocked: { reason: 'Spam reports' } } }), NOW);
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: R.CHANNEL_RESTRICTED, label, freeTextAllowed: false });
    expect(policy.reason).toMatch(reason);
  });

  it('a restriction without a reason still explains itself', () => {
    const policy = decideReplyPolicy(input({ platform: FB, channel: { humanAgentEnabled: true, sendingBlocked: { reason: null } } }), NOW);
    expect(policy.reason).toMatch(/until Meta lifts it\.$/);
  });

  it.each([
    [
      'a named app',
      'Meta Business Suite inbox',
      /^Meta Business Suite inbox controls this conversation.*Reply from Meta Business Suite inbox, or have it pass/,
    ],
    ['an unknown app', null, /^Another app controls this conversation.*Reply from that app, or have it pass/],
  ] as const)('another app owning the thread (%s) blocks sending with the reason', (_label, appName, reason) => {
    const policy = decideReplyPolicy(input({ platform: FB, threadOwner: { ownedBy: 'other_app', appName } }), NOW);
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: R.THREAD_OWNED_BY_OTHER_APP, label: 'Another app has this conversation' });
    expect(policy.reason).toMatch(reason);
  });

  it.each([undefined, null, { ownedBy: 'this_app' as const }])('this app owning the thread (%p) changes nothing', (threadOwner) => {
    expect(decideReplyPolicy(input({ platform: IG, threadOwner }), NOW)).toEqual(decideReplyPolicy(input({ platform: IG }), NOW));
  });

  it('channel health comes first, then the restriction, then thread control', () => {
    const all = { humanAgentEnabled: true, channelStatus: 'needs_reauth' as const, sendingBlocked: { reason: 'x' } };
    expect(decideReplyPolicy(input({ platform: FB, channel: all, threadOwner: { ownedBy: 'other_app' } }), NOW)).toMatchObject({
      reasonCode: R.CHANNEL_NEEDS_REAUTH,
    });
    expect(decideReplyPolicy(input({ platform: FB, channel: { ...all, channelStatus: 'active' }, threadOwner: { ownedBy: 'other_app' } }), NOW)).toMatchObject({
      reasonCode: R.CHANNEL_RESTRICTED,
    });
  });
});

describe('decideReplyPolicy: private replies to comments', () => {
  const comment = (ageMs: number, extra: Partial<NonNullable<ReplyPolicyInput['privateReply']>> = {}) => ({
    commentCreatedAt: ago(ageMs),
    alreadyPrivatelyReplied: false,
    ...extra,
  });

  it.each([
    [IG, 'human', 2 * DAY_MS, 'private_reply', null],
    [FB, 'human', 2 * DAY_MS, 'private_reply', null],
    [IG, 'automation', 2 * DAY_MS, 'private_reply', null],
    [FB, 'automation', 6 * DAY_MS, 'private_reply', null],
    [IG, 'human', 7 * DAY_MS - 1, 'private_reply', null],
    [IG, 'human', 7 * DAY_MS, 'blocked', R.PRIVATE_REPLY_EXPIRED],
    [FB, 'human', 8 * DAY_MS, 'blocked', R.PRIVATE_REPLY_EXPIRED],
  ] as const)('%s %s, never messaged, comment %d ms old → %s %s', (platform, sender, ageMs, mode, code) => {
    const policy = decideReplyPolicy(input({ platform, sender, lastCustomerMessageAt: null, privateReply: comment(ageMs) }), NOW);
    expect(policy.mode).toBe(mode);
    if (policy.mode === 'blocked') expect(policy.reasonCode).toBe(code);
  });

  it('a private reply targets the comment and counts down to 7 days after it', () => {
    const commentCreatedAt = ago(2 * DAY_MS);
    const policy = decideReplyPolicy(
      input({ platform: IG, lastCustomerMessageAt: null, customerName: 'Jane', privateReply: { commentCreatedAt, alreadyPrivatelyReplied: false } }),
      NOW,
    );
    expect(policy).toEqual({
      mode: 'private_reply',
      platform: IG,
      messagingType: 'RESPONSE',
      recipient: 'comment_id',
      freeTextAllowed: true,
      label: 'Private reply',
      reason:
        "You can send one private reply to Jane's comment for 5 d more. Meta allows only one per comment; if Jane answers, the normal 24-hour window applies.",
      expiresAt: new Date(commentCreatedAt + 7 * DAY_MS).toISOString(),
      timeLeftMs: 5 * DAY_MS,
    });
  });

  it.each([IG, FB])('%s: only one private reply per comment', (platform) => {
    const policy = decideReplyPolicy(input({ platform, lastCustomerMessageAt: null, privateReply: comment(HOUR_MS, { alreadyPrivatelyReplied: true }) }), NOW);
    expect(policy).toMatchObject({ mode: 'blocked', reasonCode: R.PRIVATE_REPLY_ALREADY_SENT, label: 'Private reply sent' });
  });

  it('Instagram Live comments only while the broadcast is on', () => {
    const ended = decideReplyPolicy(
      input({ platform: IG, lastCustomerMessageAt: null, privateReply: comment(HOUR_MS, { isLiveComment: true, liveBroadcastActive: false }) }),
      NOW,
    );
    expect(ended).toMatchObject({ mode: 'blocked', reasonCode: R.PRIVATE_REPLY_LIVE_ENDED });
    const live = decideReplyPolicy(
      input({ platform: IG, lastCustomerMessageAt: null, privateReply: comment(HOUR_MS, { isLiveComment: true, liveBroadcastActive: true }) }),
      NOW,
    );
    expect(live.mode).toBe('private_reply');
    expect(live.reason).toContain('while the Live broadcast is on');
    // The Live rule is Instagram's; a Facebook comment flagged live follows the 7-day rule.
    const fb = decideReplyPolicy(
      input({ platform: FB, lastCustomerMessageAt: null, privateReply: comment(HOUR_MS, { isLiveComment: true, liveBroadcastActive: false }) }),
      NOW,
    );
    expect(fb.mode).toBe('private_reply');
  });

  it('inside the 24 h window a normal reply wins over the private reply', () => {
    const policy = decideReplyPolicy(input({ platform: IG, lastCustomerMessageAt: ago(2 * HOUR_MS), privateReply: comment(HOUR_MS) }), NOW);
    expect(policy.mode).toBe('response');
  });

  it('outside the window an eligible comment still gets its private reply, otherwise the DM rules apply', () => {
    const base = { platform: IG, channel: { humanAgentEnabled: false }, lastCustomerMessageAt: ago(3 * DAY_MS) } as const;
    expect(decideReplyPolicy(input({ ...base, privateReply: comment(HOUR_MS) }), NOW).mode).toBe('private_reply');
    expect(decideReplyPolicy(input({ ...base, privateReply: comment(HOUR_MS, { alreadyPrivatelyReplied: true }) }), NOW)).toMatchObject({
      mode: 'blocked',
      reasonCode: R.HUMAN_AGENT_DISABLED,
    });
    expect(decideReplyPolicy(input({ ...base, channel: { humanAgentEnabled: true }, privateReply: comment(8 * DAY_MS) }), NOW).mode).toBe('human_agent');
  });
});

describe('ReplyPolicyResponse', () => {
  it('is the policy plus evaluatedAt and survives JSON', () => {
    const policy = decideReplyPolicy(input({ platform: FB, lastCustomerMessageAt: ago(2 * DAY_MS) }), NOW);
    const body: ReplyPolicyResponse = { ...policy, evaluatedAt: new Date(NOW).toISOString() };
    const parsed = JSON.parse(JSON.stringify(body)) as ReplyPolicyResponse;
    expect(parsed).toEqual(body);
    if (parsed.mode !== 'human_agent') throw new Error('expected human_agent');
    expect(parsed.tag).toBe('HUMAN_AGENT');
    expect(Date.parse(parsed.expiresAt) - Date.parse(parsed.evaluatedAt)).toBe(parsed.timeLeftMs);
  });
});
