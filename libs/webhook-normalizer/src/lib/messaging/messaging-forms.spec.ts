import { MessagePlatform, type MessageEvent, type NormalizedEvent } from '@ticklegram/domain-models';
import { normalizeWebhook } from '../normalize-webhook';

const PAGE = '104825791234560';
const PSID = '7123456789012345';
const IG = '17841400000000001';
const IGSID = '6543210987654321';
const TS = 1767225599876;

function fb(item: Record<string, unknown>, entry: Record<string, unknown> = {}, appId?: string): NormalizedEvent[] {
  return normalizeWebhook(
    {
      object: 'page',
      entry: [{ id: PAGE, time: 1767225600123, messaging: [{ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: TS, ...item }], ...entry }],
    },
    appId ? { appId } : {},
  );
}

function ig(item: Record<string, unknown>): NormalizedEvent[] {
  return normalizeWebhook({
    object: 'instagram',
    entry: [{ id: IG, time: 1767225600123, messaging: [{ sender: { id: IGSID }, recipient: { id: IG }, timestamp: TS, ...item }] }],
  });
}

function only(events: NormalizedEvent[]): NormalizedEvent {
  expect(events).toHaveLength(1);
  return events[0] as NormalizedEvent;
}

function message(events: NormalizedEvent[]): MessageEvent {
  const event = only(events);
  expect(event.type).toBe('message');
  return event as MessageEvent;
}

function echo(appId: unknown) {
  return { sender: { id: PAGE }, recipient: { id: PSID }, message: { mid: 'm_echo', text: 'hi', is_echo: true, app_id: appId } };
}

describe('ids and timestamps', () => {
  it('accepts numeric ids and converts them to strings', () => {
    const [event] = normalizeWebhook({
      object: 'page',
      entry: [
        {
          id: 104825791234560,
          time: 1767225600123,
          messaging: [{ sender: { id: 7123456789012345 }, recipient: { id: 104825791234560 }, timestamp: TS, message: { mid: 'm_n', text: 'x' } }],
        },
      ],
    });
    expect(event).toMatchObject({ channelExternalId: PAGE, customerExternalId: PSID, businessExternalId: PAGE });
  });

  it('normalises second timestamps (numbers and numeric strings) to ms', () => {
    expect(message(fb({ timestamp: 1767225599, message: { mid: 'm_s', text: 'x' } })).timestamp).toBe(1767225599000);
    expect(message(fb({ timestamp: '1767225599876', message: { mid: 'm_s2', text: 'x' } })).timestamp).toBe(TS);
    expect(message(fb({ timestamp: '1527459824', message: { mid: 'm_s3', text: 'x' } })).timestamp).toBe(1527459824000);
  });

  it('falls back to entry.time, then null, when the item has no timestamp', () => {
    expect(message(fb({ timestamp: undefined, message: { mid: 'm_t', text: 'x' } })).timestamp).toBe(1767225600123);
    const [event] = normalizeWebhook({
      object: 'page',
      entry: [{ id: PAGE, messaging: [{ sender: { id: PSID }, recipient: { id: PAGE }, message: { mid: 'm_u' } }] }],
    });
    expect(event).toMatchObject({ type: 'message', timestamp: null, entryTime: null, text: null, attachments: [] });
  });

  it('uses the recipient as channel when entry.id is missing', () => {
    const [event] = normalizeWebhook({
      object: 'page',
      entry: [{ messaging: [{ sender: { id: PSID }, recipient: { id: PAGE }, message: { mid: 'm_v', text: 'x' } }] }],
    });
    expect(event).toMatchObject({ type: 'message', channelExternalId: PAGE, dedupeKey: `msg:${PAGE}:m_v` });
  });
});

describe('echoes', () => {
  it.each([
    ['our app id', '913300000000001', 'this_app'],
    ['our app id as a number', 913300000000001, 'this_app'],
    ['the Page Inbox id integrations see', 263902037430900, 'native_app'],
    ['the Page Inbox id printed in the echo reference', '26390203743090', 'native_app'],
    ['another app', 555, 'other_app'],
    ['no app id', undefined, 'unknown'],
  ])('%s → %s', (_label, appId, source) => {
    const event = message(fb(echo(appId), {}, '913300000000001'));
    expect(event).toMatchObject({
      isEcho: true,
      direction: 'outbound',
      actor: 'business',
      echoSource: source,
      customerExternalId: PSID,
      businessExternalId: PAGE,
    });
  });

  it('cannot call a non-inbox app "other" without knowing our app id', () => {
    expect(message(fb(echo(555))).echoSource).toBe('unknown');
    expect(message(fb(echo(263902037430900))).echoSource).toBe('native_app');
  });

  it('an echo arriving on standby is still outbound and flagged', () => {
    const events = normalizeWebhook({ object: 'page', entry: [{ id: PAGE, standby: [echo('1')] }] });
    expect(message(events)).toMatchObject({ isStandby: true, via: 'standby', direction: 'outbound', isEcho: true });
  });
});

describe('message content', () => {
  it('keeps legacy top-level sticker_id and collapses the sticker/image twin', () => {
    const event = message(
      fb({
        message: {
          mid: 'm_st',
          sticker_id: 369239263222822,
          attachments: [
            { type: 'image', payload: { url: 'https://x/like.png', sticker_id: 369239263222822 } },
            { type: 'sticker', payload: { url: 'https://x/like.png', sticker_id: 369239263222822 } },
          ],
        },
      }),
    );
    expect(event.stickerId).toBe('369239263222822');
    expect(event.attachments).toEqual([expect.objectContaining({ type: 'sticker', rawType: 'sticker', stickerId: '369239263222822' })]);
  });

  it('an image carrying sticker_id alone (pre-2026 form) is a sticker', () => {
    const event = message(fb({ message: { mid: 'm_st2', attachments: [{ type: 'image', payload: { url: 'u', sticker_id: '1' } }] } }));
    expect(event.attachments).toEqual([expect.objectContaining({ type: 'sticker', rawType: 'image', stickerId: '1' })]);
  });

  it('drops the legacy share twin of an ig_post (dual payloads during the migration)', () => {
    const dual = message(
      ig({
        message: {
          mid: 'm_dual',
          attachments: [
            { type: 'share', payload: { url: 'https://cdn/post' } },
            { type: 'ig_post', payload: { url: 'https://cdn/post', title: 'Drop', ig_post_media_id: '18' } },
          ],
        },
      }),
    );
    expect(dual.attachments).toEqual([expect.objectContaining({ type: 'post', rawType: 'ig_post', mediaId: '18' })]);
    const legacy = message(ig({ message: { mid: 'm_share', attachments: [{ type: 'share', payload: { url: 'https://cdn/post' } }] } }));
    expect(legacy.attachments).toEqual([expect.objectContaining({ type: 'share' })]);
  });

  it('normalises every attachment kind', () => {
    const event = message(
      ig({
        message: {
          mid: 'm_all',
          attachments: [
            { type: 'location', title: 'Pinned Location', url: 'https://l.facebook.com/x', payload: { coordinates: { lat: 48.2, long: 16.37 } } },
            { type: 'fallback', title: 'A link', url: 'https://example.com', payload: null },
            { type: 'ig_reel', payload: { url: 'https://r', title: 'reel', reel_video_id: 99 } },
            { type: 'reel', payload: { url: 'https://r2', reel_video_id: '98' } },
            { type: 'ig_story', payload: { story_media_id: '77', story_media_url: 'https://s' } },
            { type: 'ephemeral', payload: {} },
            { type: 'template', payload: { template_type: 'generic', elements: [{ title: 'Card' }] } },
            {
              type: 'template',
              payload: {
                template_type: 'product',
                product: { elements: [{ id: 1, retailer_id: 'sku-1', image_url: 'https://i', title: 'Jacket', subtitle: '€80' }] },
              },
            },
            { type: 'appointment_booking', payload: { booking_id: 'b1', status: 'requested' } },
            { type: 'unsupported_type', payload: {} },
            { type: 'brand_new_type', payload: { url: 'https://n' } },
            'garbage',
          ],
        },
      }),
    );
    expect(event.attachments.map((a) => [a.type, a.rawType])).toEqual([
      ['location', 'location'],
      ['fallback', 'fallback'],
      ['reel', 'ig_reel'],
      ['reel', 'reel'],
      ['story', 'ig_story'],
      ['ephemeral', 'ephemeral'],
      ['template', 'template'],
      ['product', 'template'],
      ['appointment_booking', 'appointment_booking'],
      ['unsupported', 'unsupported_type'],
      ['unsupported', 'brand_new_type'],
      ['unsupported', 'unknown'],
    ]);
    expect(event.attachments[0]).toMatchObject({ coordinates: { lat: 48.2, long: 16.37 }, title: 'Pinned Location', url: 'https://l.facebook.com/x' });
    expect(event.attachments[1]).toMatchObject({ url: 'https://example.com', payload: null });
    expect(event.attachments[2]).toMatchObject({ mediaId: '99', url: 'https://r' });
    expect(event.attachments[4]).toMatchObject({ mediaId: '77', url: 'https://s' });
    expect(event.attachments[5]?.url).toBeUndefined();
    expect(event.attachments[6]).toMatchObject({ templateType: 'generic' });
    expect(event.attachments[7]?.products).toEqual([{ id: '1', retailerId: 'sku-1', imageUrl: 'https://i', title: 'Jacket', subtitle: '€80' }]);
    expect(event.attachments[10]?.url).toBe('https://n');
    expect(event.isUnsupported).toBe(false);
  });

  it('a product share without template_type (captured form) is still a product', () => {
    const event = message(
      fb({
        message: { mid: 'm_prod', attachments: [{ type: 'template', payload: { product: { elements: [{ id: 'P1', retailer_id: 'R1', title: 'T' }] } } }] },
      }),
    );
    expect(event.attachments).toEqual([
      expect.objectContaining({ type: 'product', rawType: 'template', products: [{ id: 'P1', retailerId: 'R1', imageUrl: null, title: 'T', subtitle: null }] }),
    ]);
  });

  it('flags unsupported content (is_unsupported or only unsupported_type attachments)', () => {
    expect(message(ig({ message: { mid: 'm_u1', is_unsupported: true } })).isUnsupported).toBe(true);
    expect(message(ig({ message: { mid: 'm_u2', attachments: [{ type: 'unsupported_type' }] } })).isUnsupported).toBe(true);
  });

  it("reads Instagram story replies (the instagram module's ig_story_reply) and Messenger reply_to", () => {
    const story = only(ig({ message: { mid: 'm_sr', text: 'love it', reply_to: { story: { url: 'https://cdn/story', id: '1799' } } } }));
    expect(story).toMatchObject({ type: 'ig_story_reply', mid: 'm_sr', text: 'love it', replyTo: { story: { url: 'https://cdn/story', id: '1799' } } });
    expect(message(ig({ message: { mid: 'm_sr2', text: 'x', reply_to: {} } })).replyTo).toBeNull();
  });

  it('reads Shops, m.me and ads referrals (with campaign ids) inside a message', () => {
    const shop = message(fb({ message: { mid: 'm_shop', text: 'x', referral: { product: { id: '5551' } } } }));
    expect(shop.referral).toEqual({ kind: 'shop', source: null, rawSource: null, type: null, productId: '5551' });
    const ad = message(
      fb({
        message: {
          mid: 'm_ad',
          text: 'x',
          referral: { source: 'ads', type: 'OPEN_THREAD', ad_id: 1202, campaign_id: '33', ads_context_data: { adset_id: '44', video_url: 'https://v' } },
        },
      }),
    );
    expect(ad.referral).toMatchObject({ kind: 'ad', source: 'ADS', rawSource: 'ads', adId: '1202', campaignId: '33', adsetId: '44', videoUrl: 'https://v' });
  });
});

describe('unsend and edit forms', () => {
  it('message.is_deleted and message_unsend{mid} both give message_unsend with the same key', () => {
    const a = only(ig({ message: { mid: 'm_del', is_deleted: true } }));
    const b = only(ig({ message_unsend: { mid: 'm_del' } }));
    expect(a).toMatchObject({ type: 'message_unsend', mid: 'm_del', customerExternalId: IGSID });
    expect(b).toMatchObject({ type: 'message_unsend', mid: 'm_del' });
    expect(a.dedupeKey).toBe(b.dedupeKey);
  });

  it('successive edits get distinct keys; an edit without num_edit falls back to its timestamp', () => {
    const first = only(ig({ message_edit: { mid: 'm_e', text: 'a', num_edit: 1 } }));
    const second = only(ig({ message_edit: { mid: 'm_e', text: 'b', num_edit: 2 } }));
    const bare = only(ig({ message_edit: { mid: 'm_e' } }));
    expect(first.dedupeKey).not.toBe(second.dedupeKey);
    expect(bare).toMatchObject({ type: 'message_edit', text: null, numEdit: null, dedupeKey: `msg_edit:${IG}:m_e:${TS}` });
    expect(only(ig({ message_edit: { text: 'no mid' } }))).toMatchObject({ type: 'unsupported', reason: 'invalid_messaging_event' });
  });
});

describe('receipts and reactions', () => {
  it('unreact without reaction/emoji; react and unreact have different keys', () => {
    const react = only(ig({ reaction: { mid: 'm_x', action: 'react', reaction: 'love', emoji: '❤️' } }));
    const unreact = only(ig({ reaction: { mid: 'm_x', action: 'unreact' } }));
    expect(unreact).toMatchObject({ type: 'reaction', action: 'unreact', reaction: null, emoji: null });
    expect(unreact.dedupeKey).toBe(`reaction:m_x:${IGSID}:unreact:${TS}`);
    expect(react.dedupeKey).not.toBe(unreact.dedupeKey);
  });

  it('read: watermark form and mid form; a read with neither is invalid', () => {
    expect(only(fb({ read: { watermark: 1767225594876, seq: 0 } }))).toMatchObject({ type: 'read', watermark: 1767225594876, mid: null });
    expect(only(ig({ read: { mid: 'm_seen' } }))).toMatchObject({ type: 'read', mid: 'm_seen', watermark: null });
    expect(only(fb({ read: {} }))).toMatchObject({ type: 'unsupported', reason: 'invalid_messaging_event', field: 'read' });
  });

  it('delivery without mids or timestamp uses the watermark', () => {
    const event = only(fb({ timestamp: undefined, delivery: { watermark: 1767225590000 } }));
    expect(event).toMatchObject({ type: 'delivery', mids: [], watermark: 1767225590000, timestamp: 1767225590000 });
  });
});

describe('postbacks, referrals, opt-ins and platform events', () => {
  it('standby postback without payload; Get-Started postback with referral', () => {
    const standby = normalizeWebhook({
      object: 'page',
      entry: [{ id: PAGE, standby: [{ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: TS, postback: { title: 'Get Started' } }] }],
    });
    expect(only(standby)).toMatchObject({ type: 'postback', isStandby: true, payload: null, mid: null, dedupeKey: `postback:${PAGE}:${PSID}:${TS}:-` });
    const started = only(
      fb({ postback: { title: 'Get Started', payload: 'GET_STARTED', mid: 'm_pb', referral: { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD' } } }),
    );
    expect(started).toMatchObject({ type: 'postback', referral: { kind: 'link', source: 'SHORTLINK', ref: 'promo' } });
  });

  it('ig.me referral: SHORTLINKS (Meta examples) and SHORTLINK (Meta table) both mean a link', () => {
    const plural = only(ig({ referral: { ref: 'bio', source: 'SHORTLINKS', type: 'OPEN_THREAD' } }));
    expect(plural).toMatchObject({ type: 'referral', referral: { kind: 'link', source: 'SHORTLINK', rawSource: 'SHORTLINKS' } });
    const mme = only(fb({ referral: { ref: 'x', source: 'MESSENGER_CODE', type: 'OPEN_THREAD', referer_uri: 'https://m.me/x' } }));
    expect(mme).toMatchObject({ referral: { kind: 'link', refererUri: 'https://m.me/x' } });
  });

  it('opt-in identified only by user_ref', () => {
    const event = only(
      normalizeWebhook({
        object: 'page',
        entry: [
          {
            id: PAGE,
            messaging: [
              {
                sender: { user_ref: 'ur-1' },
                recipient: { id: PAGE },
                timestamp: TS,
                optin: { type: 'notification_messages', payload: 'p', notification_messages_token: 'tok', token_expiry_timestamp: 1798761600 },
              },
            ],
          },
        ],
      }),
    );
    expect(event).toMatchObject({
      type: 'optin',
      customerExternalId: null,
      userRef: 'ur-1',
      optinType: 'notification_messages',
      notificationMessagesToken: 'tok',
      tokenExpiresAt: 1798761600000,
      title: null,
      timezone: null,
    });
  });

  it('marketing opt-in with its topic title, timezone and stop status', () => {
    const optin = {
      type: 'notification_messages',
      title: 'Order updates',
      payload: 'ORDERS',
      notification_messages_token: 'tok',
      notification_messages_timezone: 'Europe/Vienna',
      notification_messages_status: 'STOP_NOTIFICATIONS',
    };
    const event = only(
      normalizeWebhook({ object: 'page', entry: [{ id: PAGE, messaging: [{ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: TS, optin }] }] }),
    );
    expect(event).toMatchObject({
      type: 'optin',
      customerExternalId: PSID,
      title: 'Order updates',
      timezone: 'Europe/Vienna',
      notificationMessagesStatus: 'STOP_NOTIFICATIONS',
      payload: 'ORDERS',
    });
  });

  it('policy enforcement: hyphenated (captured) and underscored keys, no sender', () => {
    const hyphen = normalizeWebhook({
      object: 'page',
      entry: [{ id: PAGE, messaging: [{ recipient: { id: PAGE }, timestamp: TS, 'policy-enforcement': { action: 'block', reason: 'spam' } }] }],
    });
    expect(only(hyphen)).toMatchObject({ type: 'policy_enforcement', action: 'block', reason: 'spam', customerExternalId: null, businessExternalId: PAGE });
    expect(only(fb({ policy_enforcement: { action: 'warning', reason: 'r' } }))).toMatchObject({ type: 'policy_enforcement', action: 'warning' });
  });

  it('response feedback and unlinking', () => {
    expect(only(fb({ response_feedback: { mid: 'm_bot', feedback: 'Good response' } }))).toMatchObject({
      type: 'response_feedback',
      mid: 'm_bot',
      feedback: 'Good response',
    });
    expect(only(fb({ account_linking: { status: 'unlinked' } }))).toMatchObject({ type: 'account_linking', status: 'unlinked', authorizationCode: null });
  });
});

describe('dashboard test payloads and self messages', () => {
  it('a messaging field sent as a change (App Dashboard "Test") normalises as messaging, flagged as test', () => {
    const events = normalizeWebhook({
      object: 'instagram',
      entry: [
        {
          id: '0',
          time: 1767225600,
          changes: [
            {
              field: 'messages',
              value: { sender: { id: '12334' }, recipient: { id: '23245' }, timestamp: '1527459824', message: { mid: 'random_mid', text: 'random_text' } },
            },
          ],
        },
      ],
    });
    expect(message(events)).toMatchObject({
      platform: MessagePlatform.INSTAGRAM,
      channelExternalId: '0',
      customerExternalId: '12334',
      isTest: true,
      via: 'changes',
      timestamp: 1527459824000,
      text: 'random_text',
    });
  });

  it('messaging_seen / message_reactions as changes are test samples too', () => {
    const events = normalizeWebhook({
      object: 'instagram',
      entry: [
        {
          id: IG,
          time: 1767225600,
          changes: [
            { field: 'messaging_seen', value: { sender: { id: IGSID }, recipient: { id: IG }, timestamp: 1767225599, read: { mid: 'm_1' } } },
            {
              field: 'message_reactions',
              value: { sender: { id: IGSID }, recipient: { id: IG }, timestamp: 1767225599, reaction: { mid: 'm_1', action: 'react', reaction: 'love' } },
            },
          ],
        },
      ],
    });
    expect(events.map((e) => [e.type, e.isTest, e.via])).toEqual([
      ['read', true, 'changes'],
      ['reaction', true, 'changes'],
    ]);
  });
});
