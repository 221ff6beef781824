import { MessagePlatform } from '@ticklegram/domain-models';
import { addDays, AttributedConversation, attributionCsv, attributionRows, attributionSeries, localDay, startOfLocalDay } from './attribution.rules';

const conv = (id: string, adId: string, startedAt: string, firstResponseAt: string | null): AttributedConversation => ({
  conversationId: id,
  channelId: 'ch',
  platform: MessagePlatform.FACEBOOK,
  adId,
  adTitle: adId === 'A' ? 'Ad A' : null,
  campaignId: adId === 'A' ? 'C1' : null,
  adsetId: null,
  startedAt: new Date(startedAt),
  firstResponseAt: firstResponseAt ? new Date(firstResponseAt) : null,
});

describe('attribution rules', () => {
  it('local days follow the time zone, DST included', () => {
    expect(startOfLocalDay('2026-12-03', 'Europe/Vienna').toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(startOfLocalDay('2026-07-03', 'Europe/Vienna').toISOString()).toBe('2026-07-02T22:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Vienna').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-12-03', 'America/New_York').toISOString()).toBe('2026-12-03T05:00:00.000Z');
    expect(localDay(new Date('2026-12-02T23:30:00Z'), 'Europe/Vienna')).toBe('2026-12-03');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('per ad: conversations, answers and their median/mean wait, outcomes, value per currency, accepted events', () => {
    const conversations = [
      conv('1', 'A', '2026-12-01T10:00:00Z', '2026-12-01T10:01:00Z'),
      conv('2', 'A', '2026-12-02T10:00:00Z', '2026-12-02T10:03:00Z'),
      conv('3', 'A', '2026-12-02T11:00:00Z', null),
      conv('4', 'B', '2026-12-02T12:00:00Z', null),
    ];
    const outcomes = [
      { conversationId: '1', type: 'Purchase' as const, occurredAt: new Date('2026-12-01T12:00:00Z'), value: 49.9, currency: 'EUR', accepted: true },
      { conversationId: '2', type: 'Purchase' as const, occurredAt: new Date('2026-12-03T12:00:00Z'), value: 10.1, currency: 'EUR', accepted: false },
      { conversationId: '2', type: 'LeadSubmitted' as const, occurredAt: new Date('2026-12-02T12:00:00Z'), value: null, currency: null, accepted: true },
      { conversationId: '4', type: 'Purchase' as const, occurredAt: new Date('2026-12-02T12:00:00Z'), value: 5, currency: 'USD', accepted: true },
    ];
    const rows = attributionRows(conversations, outcomes);
    expect(rows).toEqual([
      expect.objectContaining({
        adId: 'A',
        adTitle: 'Ad A',
        campaignId: 'C1',
        conversationsStarted: 3,
        responded: 2,
        firstResponseMedianSeconds: 120,
        firstResponseMeanSeconds: 120,
        outcomes: { Purchase: 2, LeadSubmitted: 1 },
        value: { EUR: 60 },
        eventsAccepted: 2,
      }),
      expect.objectContaining({
        adId: 'B',
        conversationsStarted: 1,
        responded: 0,
        firstResponseMedianSeconds: null,
        outcomes: { Purchase: 1 },
        value: { USD: 5 },
        eventsAccepted: 1,
      }),
    ]);
    expect(attributionSeries(conversations, outcomes, '2026-12-01', '2026-12-03', 'UTC')).toEqual([
      { date: '2026-12-01', conversationsStarted: 1, outcomes: 1 },
      { date: '2026-12-02', conversationsStarted: 3, outcomes: 2 },
      { date: '2026-12-03', conversationsStarted: 0, outcomes: 1 },
    ]);
    const csv = attributionCsv(rows).split('\r\n');
    expect(csv[1]).toBe('A,Ad A,C1,,,,FACEBOOK,3,2,120,120,1,0,2,0,60.00 EUR,2');
    expect(csv[2]).toBe('B,,,,,,FACEBOOK,1,0,,,0,0,1,0,5.00 USD,1');
  });
});
