import { MessagePlatform, NORMALIZED_EVENT_TYPES, type NormalizedEvent, type UnsupportedEvent } from '@ticklegram/domain-models';
import { normalizeWebhook } from './normalize-webhook';

const PAGE = '104825791234560';
const PSID = '7123456789012345';

function fbText(mid: string, text: string, sender = PSID) {
  return { sender: { id: sender }, recipient: { id: PAGE }, timestamp: 1767225599876, message: { mid, text } };
}

function pageBody(...entries: unknown[]) {
  return { object: 'page', entry: entries };
}

function asUnsupported(events: NormalizedEvent[]): UnsupportedEvent[] {
  return events.map((e) => {
    expect(e.type).toBe('unsupported');
    return e as UnsupportedEvent;
  });
}

describe('normalizeWebhook: garbage never throws', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', [{ object: 'page', entry: [] }]],
    ['an empty object', {}],
    ['an object without entry', { object: 'page' }],
    ['entry that is not an array', { object: 'page', entry: { id: PAGE } }],
    ['entry null', { object: 'instagram', entry: null }],
  ])('%s → one invalid_body event carrying the input', (_label, body) => {
    const events = normalizeWebhook(body);
    const [event] = asUnsupported(events);
    expect(events).toHaveLength(1);
    expect(event?.reason).toBe('invalid_body');
    expect(event?.raw).toBe(body);
    expect(event?.platform).toBeNull();
    expect(event?.dedupeKey).toMatch(/^unsupported:-:invalid_body:[0-9a-f]{32}$/);
  });

  it('an empty batch gives no events', () => {
    expect(normalizeWebhook(pageBody())).toEqual([]);
    expect(normalizeWebhook({ object: 'instagram', entry: [] })).toEqual([]);
  });

  it('unknown objects keep every entry as unsupported (never dropped)', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [] },
        { id: '2', changes: [] },
      ],
    };
    const events = asUnsupported(normalizeWebhook(body));
    expect(events.map((e) => e.reason)).toEqual(['unknown_object', 'unknown_object']);
    expect(events[1]?.raw).toEqual({ object: 'whatsapp_business_account', entry: { id: '2', changes: [] } });
    expect(events[0]?.object).toBe('whatsapp_business_account');
    expect(events[0]?.dedupeKey).not.toBe(events[1]?.dedupeKey);
  });

  it('malformed entries become invalid_entry while the good ones still normalise', () => {
    const events = normalizeWebhook(
      pageBody(null, 'x', 7, { id: PAGE, time: 1 }, { id: PAGE, messaging: 'nope' }, { id: PAGE, time: 1767225600123, messaging: [fbText('m_ok', 'hi')] }),
    );
    expect(events.map((e) => e.type)).toEqual(['unsupported', 'unsupported', 'unsupported', 'unsupported', 'unsupported', 'message']);
    expect((events.slice(0, 5) as UnsupportedEvent[]).map((e) => e.reason)).toEqual(Array(5).fill('invalid_entry'));
    expect((events[3] as UnsupportedEvent).detail).toBe('entry has no messaging, standby or changes');
    expect(events[5]).toMatchObject({ type: 'message', mid: 'm_ok', text: 'hi', platform: MessagePlatform.FACEBOOK });
  });

  it('malformed messaging items and changes become unsupported beside valid ones', () => {
    const events = normalizeWebhook(
      pageBody({
        id: PAGE,
        time: 1767225600123,
        messaging: [null, { sender: { id: PSID }, recipient: { id: PAGE }, message: { text: 'no mid' } }, fbText('m_1', 'fine')],
        changes: [42, { field: 'feed' }, { field: 'feed', value: { item: 'comment', verb: 'add' } }],
      }),
    );
    expect(events.map((e) => (e.type === 'unsupported' ? e.reason : e.type))).toEqual([
      'invalid_messaging_event',
      'invalid_messaging_event',
      'message',
      'invalid_change',
      'invalid_change',
      'invalid_change',
    ]);
    expect((events[1] as UnsupportedEvent).detail).toBe('message without mid');
    expect((events[1] as UnsupportedEvent).channelExternalId).toBe(PAGE);
  });

  it('a throwing getter inside the body becomes a normalizer_error, not an exception', () => {
    const entry = {
      id: PAGE,
      get messaging(): unknown[] {
        throw new Error('boom');
      },
    };
    const events = asUnsupported(normalizeWebhook(pageBody(entry, { id: PAGE, messaging: [fbText('m_2', 'still here')] })).slice(0, 1));
    expect(events[0]?.reason).toBe('normalizer_error');
    expect(events[0]?.detail).toContain('boom');
    expect(normalizeWebhook(pageBody(entry, { id: PAGE, messaging: [fbText('m_2', 'still here')] }))[1]).toMatchObject({ mid: 'm_2' });
  });

  it('values JSON cannot serialise (BigInt) do not break the unsupported fingerprint', () => {
    const events = asUnsupported(normalizeWebhook({ object: 'page', entry: [{ id: PAGE, odd: BigInt(1) }] }));
    expect(events[0]?.dedupeKey).toMatch(/^unsupported:104825791234560:invalid_entry:/);
  });
});

describe('normalizeWebhook: batches', () => {
  it('handles mixed entries: several Pages, messaging + standby + changes in one entry', () => {
    const other = '200000000000001';
    const events = normalizeWebhook(
      pageBody(
        {
          id: PAGE,
          time: 1767225600123,
          messaging: [fbText('m_a', 'a'), fbText('m_b', 'b')],
          standby: [fbText('m_c', 'c')],
          changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: 'c1', post_id: 'p1', parent_id: 'p1', created_time: 1767225590 } }],
        },
        { id: other, time: 1767225600123, messaging: [{ ...fbText('m_d', 'd'), recipient: { id: other } }] },
      ),
    );
    expect(events.map((e) => [e.type, e.channelExternalId, e.via])).toEqual([
      ['message', PAGE, 'messaging'],
      ['message', PAGE, 'messaging'],
      ['message', PAGE, 'standby'],
      ['feed_comment', PAGE, 'changes'],
      ['message', other, 'messaging'],
    ]);
  });

  it('normalises 1000 entries (Meta’s maximum batch) quickly with distinct keys', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      id: PAGE,
      time: 1767225600123 + i,
      messaging: [fbText(`m_${i}`, `text ${i}`, `${7000000000000000 + (i % 50)}`)],
    }));
    const started = performance.now();
    const events = normalizeWebhook(pageBody(...entries));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(events).toHaveLength(1000);
    expect(events.every((e) => e.type === 'message')).toBe(true);
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(1000);
  });

  it('a retried delivery produces identical dedupe keys', () => {
    const body = pageBody({ id: PAGE, time: 1767225600123, messaging: [fbText('m_r', 'retry me')] });
    const retried = pageBody({ id: PAGE, time: 1767225999999, messaging: [fbText('m_r', 'retry me')] });
    expect(normalizeWebhook(retried)[0]?.dedupeKey).toBe(normalizeWebhook(body)[0]?.dedupeKey);
  });

  it('is pure: a deep-frozen body normalises without being mutated', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
      return value;
    };
    const body = deepFreeze(
      pageBody({
        id: PAGE,
        time: 1767225600123,
        messaging: [
          {
            sender: { id: PSID },
            recipient: { id: PAGE },
            timestamp: 1767225599876,
            message: {
              mid: 'm_f',
              attachments: [
                { type: 'image', payload: { url: 'u', sticker_id: 1 } },
                { type: 'sticker', payload: { url: 'u', sticker_id: 1 } },
              ],
            },
          },
        ],
      }),
    );
    const snapshot = JSON.stringify(body);
    expect(normalizeWebhook(body)).toHaveLength(1);
    expect(JSON.stringify(body)).toBe(snapshot);
  });

  it('every produced type is a declared NormalizedEvent type', () => {
    const events = normalizeWebhook(pageBody({ id: PAGE, messaging: [fbText('m_t', 't'), { sender: { id: PSID }, game_play: {} }] }));
    for (const e of events) expect(NORMALIZED_EVENT_TYPES).toContain(e.type);
    expect(events[1]).toMatchObject({ type: 'unsupported', reason: 'unknown_messaging_event', field: 'game_play' });
  });
});
