import { CAPI_MAX_EVENTS_PER_REQUEST, CapiEventInput, splitIntoBatches, validateCapiEvents } from './capi.client';

const NOW = Date.UTC(2026, 10, 22, 3, 0, 0);
const nowS = Math.floor(NOW / 1000);
const DAY = 86_400;

function event(overrides: Partial<CapiEventInput> = {}): CapiEventInput {
  return {
    event_name: 'Purchase',
    event_time: nowS - 60,
    action_source: 'business_messaging',
    messaging_channel: 'messenger',
    user_data: { page_id: '1', page_scoped_user_id: '2' },
    ...overrides,
  };
}

describe('CAPI batching', () => {
  it('splits into batches of at most 1000', () => {
    const items = Array.from({ length: 2501 }, (_, i) => i);
    const batches = splitIntoBatches(items);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 501]);
    expect(batches.flat()).toEqual(items);
    expect(CAPI_MAX_EVENTS_PER_REQUEST).toBe(1000);
    expect(splitIntoBatches([])).toEqual([]);
    expect(splitIntoBatches(Array.from({ length: 1000 }, () => 0))).toHaveLength(1);
  });
});

describe('CAPI event validation', () => {
  it('accepts an event exactly 7 days old and rejects one a second older', () => {
    expect(validateCapiEvents([event({ event_time: nowS - 7 * DAY })], NOW)).toEqual([]);
    const problems = validateCapiEvents([event(), event({ event_time: nowS - 7 * DAY - 1, event_name: 'Stale' })], NOW);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 1, eventName: 'Stale' });
    expect(problems[0]?.reason).toContain('at most 7 days');
  });

  it('allows physical_store events up to 62 days', () => {
    expect(validateCapiEvents([event({ action_source: 'physical_store', event_time: nowS - 30 * DAY })], NOW)).toEqual([]);
    expect(validateCapiEvents([event({ action_source: 'physical_store', event_time: nowS - 63 * DAY })], NOW)).toHaveLength(1);
  });

  it('catches milliseconds, future times and incomplete website events', () => {
    expect(validateCapiEvents([event({ event_time: NOW })], NOW)[0]?.reason).toContain('milliseconds');
    expect(validateCapiEvents([event({ event_time: nowS + 120 })], NOW)[0]?.reason).toContain('future');
    expect(validateCapiEvents([event({ action_source: 'website' })], NOW)[0]?.reason).toContain('event_source_url');
  });
});
