import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessagePlatform } from '@ticklegram/domain-models';
import { normalizeWebhook } from './normalize-webhook';

const FIXTURES = join(__dirname, '..', '__fixtures__');
const OUR_APP_ID = '913300000000001';

const PAGE = '104825791234560';
const PSID = '7123456789012345';
const IG = '17841400000000001';
const IGSID = '6543210987654321';
const FB = MessagePlatform.FACEBOOK;
const INSTA = MessagePlatform.INSTAGRAM;
/** Messaging times are ms; change times are seconds and must come out as ms. */
const MSG_TS = 1767225599876;
const MSG_ENTRY = 1767225600123;
const CHANGE_ENTRY = 1767225600000;
const CREATED = 1767225590000;
const fbMid = (suffix: string) => `m_Zx8Qb3kL1vT0aYpWnR5sJdHfG2cE9uM4oK7iB6lN1q${suffix}`;
const igMid = (n: string) => `aWdfZAG1faXRlbToxOklHTWVzc2FnZUlEOmZha2VfbWlkXzAw${n}`;

const fbInbound = {
  platform: FB,
  channelExternalId: PAGE,
  businessExternalId: PAGE,
  customerExternalId: PSID,
  actor: 'customer',
  timestamp: MSG_TS,
  entryTime: MSG_ENTRY,
  isStandby: false,
  via: 'messaging',
  isTest: false,
};
const igInbound = { ...fbInbound, platform: INSTA, channelExternalId: IG, businessExternalId: IG, customerExternalId: IGSID };
const fbFeed = { platform: FB, channelExternalId: PAGE, entryTime: CHANGE_ENTRY, via: 'changes', isTest: false };
const igChange = { platform: INSTA, channelExternalId: IG, entryTime: CHANGE_ENTRY, timestamp: CHANGE_ENTRY, via: 'changes', isTest: false };
const jane = { id: '100000000000042', name: 'Jane Example' };

/** fixture file → the events it must produce (partial match, in order, exact count). */
const EXPECTED: Record<string, Array<Record<string, unknown>>> = {
  'fb-account-linking.json': [{ ...fbInbound, type: 'account_linking', status: 'linked', authorizationCode: 'auth-code-passthrough-42' }],
  'fb-feed-comment-add.json': [
    {
      ...fbFeed,
      type: 'feed_comment',
      timestamp: CREATED,
      commentId: '122100000000000001_900000000000001',
      postId: '104825791234560_122100000000000001',
      parentId: '104825791234560_122100000000000001',
      isReply: false,
      verb: 'add',
      action: 'add',
      from: jane,
      isFromPage: false,
      message: 'How much is shipping to Austria?',
      postPermalinkUrl: 'https://www.facebook.com/104825791234560/posts/pfbid0EXAMPLE',
      postIsAd: false,
      dedupeKey: `fb_comment:${PAGE}:122100000000000001_900000000000001:add:-`,
    },
  ],
  'fb-feed-comment-edited.json': [
    {
      ...fbFeed,
      type: 'feed_comment',
      verb: 'edited',
      action: 'edit',
      message: 'How much is shipping to Vienna, Austria?',
      commentId: '122100000000000001_900000000000001',
    },
  ],
  'fb-feed-comment-remove.json': [
    {
      ...fbFeed,
      type: 'feed_comment',
      verb: 'remove',
      action: 'remove',
      message: null,
      dedupeKey: `fb_comment:${PAGE}:122100000000000001_900000000000001:remove:-`,
    },
  ],
  'fb-feed-post-add.json': [
    {
      ...fbFeed,
      type: 'feed_post',
      timestamp: CREATED,
      postId: '104825791234560_122100000000000009',
      item: 'post',
      action: 'add',
      isHidden: false,
      message: 'Great service yesterday!',
      from: { id: '100000000000044', name: 'Visitor Example' },
      isFromPage: false,
    },
  ],
  'fb-feed-post-remove.json': [{ ...fbFeed, type: 'feed_post', postId: '104825791234560_122100000000000010', action: 'remove', isFromPage: true }],
  'fb-feed-reaction-add.json': [
    {
      ...fbFeed,
      type: 'feed_reaction',
      timestamp: CREATED,
      postId: '104825791234560_122100000000000001',
      commentId: null,
      reactionType: 'love',
      action: 'add',
      from: jane,
    },
  ],
  'fb-group-feed-comment.json': [
    {
      type: 'group_feed',
      platform: FB,
      channelExternalId: PAGE,
      customerExternalId: null,
      groupId: '300000000000077',
      commentId: '300000000000077_400000000000001',
      postId: '300000000000077_400000000000000',
      item: 'comment',
      action: 'add',
      message: 'Does this come in blue?',
      from: jane,
      timestamp: CREATED,
    },
  ],
  'fb-handover-app-roles.json': [
    { type: 'handover', action: 'app_roles', channelExternalId: PAGE, customerExternalId: null, appRoles: { '913300000000001': ['primary_receiver'] } },
  ],
  'fb-handover-pass-thread-control.json': [
    {
      ...fbInbound,
      type: 'handover',
      action: 'pass_thread_control',
      previousOwnerAppId: '913300000000002',
      newOwnerAppId: '913300000000001',
      metadata: 'escalated: refund request',
    },
  ],
  'fb-handover-request-thread-control.json': [
    { ...fbInbound, type: 'handover', action: 'request_thread_control', requestedOwnerAppId: '913300000000002', metadata: 'user asked for billing' },
  ],
  'fb-handover-take-thread-control.json': [
    { ...fbInbound, type: 'handover', action: 'take_thread_control', previousOwnerAppId: '913300000000001', newOwnerAppId: '263902037430900' },
  ],
  'fb-message-ads-referral.json': [
    {
      ...fbInbound,
      type: 'message',
      mid: fbMid('A14'),
      direction: 'inbound',
      text: 'Is this available in M?',
      referral: {
        kind: 'ad',
        source: 'ADS',
        rawSource: 'ADS',
        type: 'OPEN_THREAD',
        ref: 'spring_sale',
        adId: '120200000000000001',
        adTitle: 'Spring sale - rain jackets',
        photoUrl: 'https://scontent.xx.fbcdn.net/v/ad_image.jpg',
        postId: '104825791234560_998877665544',
        productId: '5550001112223334',
        flowId: '777000111222333',
      },
    },
  ],
  'fb-message-commands.json': [{ ...fbInbound, type: 'message', mid: fbMid('A17'), commands: ['track'], text: 'track order 4411' }],
  'fb-message-delivery.json': [{ ...fbInbound, type: 'delivery', mids: [fbMid('B01')], watermark: 1767225599876, timestamp: 1767225599876 }],
  'fb-message-echo-inbox.json': [
    {
      ...fbInbound,
      type: 'message',
      actor: 'business',
      direction: 'outbound',
      isEcho: true,
      echoSource: 'native_app',
      appId: '263902037430900',
      mid: fbMid('B02'),
      customerExternalId: PSID,
      businessExternalId: PAGE,
    },
  ],
  'fb-message-echo.json': [
    {
      ...fbInbound,
      type: 'message',
      actor: 'business',
      direction: 'outbound',
      isEcho: true,
      echoSource: 'this_app',
      appId: OUR_APP_ID,
      metadata: 'crm-msg-1001',
      mid: fbMid('B01'),
      dedupeKey: `msg:${PAGE}:${fbMid('B01')}`,
    },
  ],
  'fb-message-fallback.json': [
    {
      ...fbInbound,
      type: 'message',
      text: 'Look at this https://example.com/p/123',
      attachments: [{ type: 'fallback', rawType: 'fallback', url: 'https://example.com/p/123', title: 'Example product page' }],
    },
  ],
  'fb-message-file.json': [
    { ...fbInbound, type: 'message', text: null, attachments: [{ type: 'file', url: 'https://cdn.fbsbx.com/v/t59.2708-21/invoice.pdf?_nc_cat=1&oh=EXAMPLE' }] },
  ],
  'fb-message-image-multi.json': [
    {
      ...fbInbound,
      type: 'message',
      attachments: [
        { type: 'image', url: expect.stringContaining('&i=1') },
        { type: 'image', url: expect.stringContaining('&i=2') },
      ],
    },
  ],
  'fb-message-image.json': [
    {
      ...fbInbound,
      type: 'message',
      mid: fbMid('A04'),
      direction: 'inbound',
      isEcho: false,
      echoSource: null,
      attachments: [{ type: 'image', rawType: 'image' }],
    },
  ],
  'fb-message-post-share.json': [
    {
      ...fbInbound,
      type: 'message',
      attachments: [
        {
          type: 'post',
          rawType: 'post',
          mediaId: '1234567890123456',
          title: 'New arrivals are here',
          url: 'https://www.facebook.com/104825791234560/posts/1234567890',
        },
      ],
    },
  ],
  'fb-message-quick-reply.json': [{ ...fbInbound, type: 'message', quickReplyPayload: 'QR_TRACK_ORDER', text: 'Track my order' }],
  'fb-message-reaction-react.json': [
    {
      ...fbInbound,
      type: 'reaction',
      mid: fbMid('B01'),
      action: 'react',
      reaction: 'love',
      emoji: '\u2764\ufe0f',
      dedupeKey: `reaction:${fbMid('B01')}:${PSID}:react:${MSG_TS}`,
    },
  ],
  'fb-message-read.json': [{ ...fbInbound, type: 'read', watermark: 1767225594876, mid: null }],
  'fb-message-reply-to.json': [{ ...fbInbound, type: 'message', replyTo: { mid: fbMid('Z99'), isSelfReply: false }, text: 'This one please' }],
  'fb-message-sticker.json': [
    {
      ...fbInbound,
      type: 'message',
      stickerId: '369239263222822',
      attachments: [{ type: 'sticker', rawType: 'sticker', stickerId: '369239263222822', url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/like_sticker.png' }],
    },
  ],
  'fb-message-text.json': [
    {
      ...fbInbound,
      type: 'message',
      mid: fbMid('A01'),
      text: 'Hi, is the blue jacket still in stock?',
      attachments: [],
      referral: null,
      replyTo: null,
      quickReplyPayload: null,
      isSelf: false,
      isUnsupported: false,
      dedupeKey: `msg:${PAGE}:${fbMid('A01')}`,
    },
  ],
  'fb-message-video.json': [{ ...fbInbound, type: 'message', attachments: [{ type: 'video', url: expect.stringContaining('example.mp4') }] }],
  'fb-messenger-template-status-update.json': [
    {
      ...fbFeed,
      type: 'template_status',
      field: 'messenger_template_status_update',
      templateId: '104595129340398',
      templateName: 'order_shipped_update',
      language: 'en_US',
      status: 'APPROVED',
      reason: 'NONE',
      timestamp: CHANGE_ENTRY,
    },
  ],
  'fb-postback-button.json': [
    {
      ...fbInbound,
      type: 'postback',
      mid: fbMid('C01'),
      title: 'Talk to an agent',
      payload: 'HANDOFF_AGENT',
      referral: null,
      dedupeKey: `postback:${PAGE}:${fbMid('C01')}`,
    },
  ],
  'fb-referral-ad.json': [
    {
      ...fbInbound,
      type: 'referral',
      referral: {
        kind: 'ad',
        source: 'ADS',
        ref: 'spring_sale',
        adId: '120200000000000001',
        flowId: '777000111222333',
        postId: '104825791234560_998877665544',
      },
    },
  ],
  'fb-standby-message.json': [
    { ...fbInbound, type: 'message', isStandby: true, via: 'standby', mid: fbMid('D01'), text: 'Hello? Anyone there?', direction: 'inbound' },
  ],
  'ig-comment-add.json': [
    {
      ...igChange,
      type: 'ig_comment',
      field: 'comments',
      commentId: '18000000000000200',
      parentId: null,
      isReply: false,
      text: 'Which sizes are left?',
      from: { id: '6543210987650001', username: 'jane.example' },
      isFromBusiness: false,
      media: { id: '18000000000000100', productType: 'FEED', adId: null, adTitle: null, originalMediaId: null },
      dedupeKey: `ig_comment:${IG}:18000000000000200`,
    },
  ],
  'ig-comment-on-reel.json': [
    { ...igChange, type: 'ig_comment', commentId: '18000000000000202', media: { id: '18000000000000101', productType: 'REELS' }, text: 'song name?' },
  ],
  'ig-comment-self.json': [
    {
      ...igChange,
      type: 'ig_comment',
      commentId: '18000000000000204',
      isFromBusiness: true,
      from: { id: IG, username: 'example.store', selfIgScopedId: '6500000000000001' },
    },
  ],
  'ig-mention-in-media.json': [{ ...igChange, type: 'ig_mention', mediaId: '18000000000000300', commentId: null }],
  'ig-message-ads-referral.json': [
    {
      ...igInbound,
      type: 'message',
      text: 'Price?',
      referral: {
        kind: 'ad',
        source: 'ADS',
        ref: 'ctd_spring',
        adId: '120200000000000002',
        adTitle: 'Spring drop',
        photoUrl: 'https://scontent.cdninstagram.com/v/ad_image.jpg',
      },
    },
  ],
  'ig-message-audio.json': [{ ...igInbound, type: 'message', mid: igMid('03'), attachments: [{ type: 'audio', url: expect.stringContaining('n=3') }] }],
  'ig-message-echo.json': [
    {
      ...igInbound,
      type: 'message',
      actor: 'business',
      direction: 'outbound',
      isEcho: true,
      echoSource: 'unknown',
      appId: null,
      customerExternalId: IGSID,
      businessExternalId: IG,
      mid: igMid('12'),
    },
  ],
  'ig-message-edit.json': [
    { ...igInbound, type: 'message_edit', mid: igMid('01'), text: 'Do you ship to Vienna?', numEdit: 1, dedupeKey: `msg_edit:${IG}:${igMid('01')}:1` },
  ],
  'ig-message-file.json': [{ ...igInbound, type: 'message', attachments: [{ type: 'file', rawType: 'file' }] }],
  'ig-message-ig-post.json': [
    { ...igInbound, type: 'message', attachments: [{ type: 'post', rawType: 'ig_post', title: 'New drop this Friday', mediaId: '18000000000000008' }] },
  ],
  'ig-message-quick-reply.json': [{ ...igInbound, type: 'message', quickReplyPayload: 'QR_LIVE_CHAT' }],
  'ig-message-reply-to.json': [{ ...igInbound, type: 'message', replyTo: { mid: igMid('12') } }],
  'ig-message-self-test.json': [
    {
      ...igInbound,
      type: 'message',
      isSelf: true,
      isEcho: true,
      direction: 'outbound',
      actor: 'business',
      customerExternalId: '6500000000000001',
      businessExternalId: IG,
      echoSource: 'unknown',
    },
  ],
  'ig-message-share-legacy.json': [{ ...igInbound, type: 'message', attachments: [{ type: 'share', rawType: 'share', url: expect.stringContaining('n=7') }] }],
  'ig-message-text.json': [{ ...igInbound, type: 'message', mid: igMid('01'), text: 'Do you ship to Austria?', dedupeKey: `msg:${IG}:${igMid('01')}` }],
  'ig-message-unsend.json': [{ ...igInbound, type: 'message_unsend', mid: igMid('01'), dedupeKey: `msg_unsend:${IG}:${igMid('01')}` }],
  'ig-messaging-seen.json': [{ ...igInbound, type: 'read', mid: igMid('12'), watermark: null }],
  'ig-postback.json': [{ ...igInbound, type: 'postback', mid: igMid('18'), title: 'Track my order', payload: 'IB_TRACK_ORDER' }],
  'ig-reaction-react.json': [{ ...igInbound, type: 'reaction', mid: igMid('12'), action: 'react', reaction: 'love', emoji: '❤️' }],
  'ig-referral-igme.json': [
    { ...igInbound, type: 'referral', referral: { kind: 'link', source: 'SHORTLINK', rawSource: 'SHORTLINK', ref: 'bio_link', type: 'OPEN_THREAD' } },
  ],
  'ig-standby-message.json': [{ ...igInbound, type: 'message', isStandby: true, via: 'standby', mid: igMid('19'), text: 'hello?' }],
  'ig-story-insights.json': [
    {
      ...igChange,
      type: 'ig_story_insights',
      mediaId: '18000000000000400',
      metrics: { exits: 3, replies: 1, reach: 152, taps_forward: 40, taps_back: 6, impressions: 190 },
    },
  ],
  'ig-story-mention.json': [
    {
      ...igInbound,
      type: 'ig_story_mention',
      mid: igMid('05'),
      attachments: [{ type: 'story_mention', rawType: 'story_mention', url: expect.stringContaining('n=5') }],
    },
  ],
};

function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('normalizeWebhook over every captured fixture', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtureNames);
  });

  it.each(fixtureNames)('%s', (name) => {
    const events = normalizeWebhook(loadFixture(name), { appId: OUR_APP_ID });
    expect(events).toMatchObject(EXPECTED[name] ?? []);
    for (const event of events) {
      expect(event.type).not.toBe('unsupported');
      expect(event.dedupeKey.length).toBeGreaterThan(0);
      expect(event.dedupeKey.length).toBeLessThanOrEqual(191);
      expect(event.raw).toBeDefined();
    }
  });

  it('gives no two fixture events the same dedupe key', () => {
    const keys = fixtureNames.flatMap((n) => normalizeWebhook(loadFixture(n)).map((e) => e.dedupeKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the messaging item as raw', () => {
    const body = loadFixture('fb-message-text.json') as { entry: Array<{ messaging: unknown[] }> };
    const [event] = normalizeWebhook(body);
    expect(event?.raw).toBe(body.entry[0]?.messaging[0]);
  });
});
