import type { AttributionRowDto } from '@ticklegram/domain-models';
import { MessagePlatform } from '@ticklegram/domain-models';
import { formatValues, formatWait, isIsoDay, otherOutcomes } from './attribution-format';

const row = (patch: Partial<AttributionRowDto>): AttributionRowDto => ({
  adId: '1',
  adTitle: null,
  campaignId: null,
  adsetId: null,
  campaignName: null,
  adsetName: null,
  channelId: 'c',
  platform: MessagePlatform.FACEBOOK,
  conversationsStarted: 1,
  responded: 0,
  firstResponseMedianSeconds: null,
  firstResponseMeanSeconds: null,
  outcomes: {},
  value: {},
  eventsAccepted: 0,
  ...patch,
});

describe('attribution formatting', () => {
  it('formats waits', () => {
    expect([formatWait(null), formatWait(42), formatWait(75), formatWait(120), formatWait(4000)]).toEqual(['—', '42 s', '1 min 15 s', '2 min', '1 h 7 min']);
  });

  it('formats values per currency and counts other outcomes', () => {
    expect(formatValues({})).toBe('—');
    expect(formatValues({ EUR: 49.9 })).toMatch(/49[.,]90/);
    expect(otherOutcomes(row({ outcomes: { Purchase: 2, LeadSubmitted: 1, OrderShipped: 3, AddToCart: 1 } }))).toBe(4);
  });

  it('accepts plain days only', () => {
    expect([isIsoDay('2026-12-03'), isIsoDay('2026-12-3'), isIsoDay(null)]).toEqual([true, false, false]);
  });
});
