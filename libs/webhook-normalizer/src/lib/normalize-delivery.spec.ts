import { MessagePlatform } from '@ticklegram/domain-models';
import { describeDelivery, normalizeDelivery } from './normalize-delivery';
import { normalizeWebhook } from './normalize-webhook';

const PAGE = '104825791234560';
const OTHER_PAGE = '104825791234561';
const message = (mid: string) => ({ sender: { id: '7123456789012345' }, recipient: { id: PAGE }, timestamp: 1767225599876, message: { mid, text: 'hi' } });

describe('describeDelivery', () => {
  it('names the object, the first entry id (numbers too) and the entry count', () => {
    expect(describeDelivery({ object: 'page', entry: [{ id: Number(PAGE), messaging: [] }, { id: OTHER_PAGE }] })).toEqual({
      object: 'page',
      firstEntryId: PAGE,
      entryCount: 2,
    });
  });

  it.each([null, 'text', [], {}, { object: 7, entry: 'x' }, { object: 'page', entry: [null] }])('never throws on %p', (body) => {
    const summary = describeDelivery(body);
    expect(summary.firstEntryId).toBeNull();
    expect(summary.entryCount).toBe(Array.isArray((body as { entry?: unknown } | null)?.entry) ? 1 : 0);
  });
});

describe('normalizeDelivery', () => {
  it('returns the platform, each entry id once in order, and the same events as normalizeWebhook', () => {
    const body = {
      object: 'page',
      entry: [
        { id: PAGE, time: 1, messaging: [message('m.1')] },
        { id: OTHER_PAGE, time: 1, messaging: [] },
        { id: PAGE, time: 2, messaging: [message('m.2')] },
      ],
    };
    const delivery = normalizeDelivery(body, { appId: '1' });
    expect(delivery.platform).toBe(MessagePlatform.FACEBOOK);
    expect(delivery.entryIds).toEqual([PAGE, OTHER_PAGE]);
    expect(delivery.entryCount).toBe(3);
    expect(delivery.events).toEqual(normalizeWebhook(body, { appId: '1' }));
  });

  it('names no accounts for an object we do not handle, including inherited property names', () => {
    for (const object of ['whatsapp_business_account', 'constructor', 'toString']) {
      const delivery = normalizeDelivery({ object, entry: [{ id: PAGE }] });
      expect(delivery.platform).toBeNull();
      expect(delivery.entryIds).toEqual([]);
      expect(delivery.events.map((e) => e.type)).toEqual(['unsupported']);
    }
  });
});

describe('hostile bodies', () => {
  it('never throws on bodies nested too deeply to serialise, and keeps a storable placeholder instead of them', () => {
    for (const text of [`${'['.repeat(20_000)}1${']'.repeat(20_000)}`, `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`]) {
      const delivery = normalizeDelivery(JSON.parse(text));
      expect(delivery.events).toHaveLength(1);
      expect(delivery.events[0]).toMatchObject({ type: 'unsupported', reason: 'invalid_body' });
      expect(() => JSON.stringify(delivery)).not.toThrow();
    }
  });
});
