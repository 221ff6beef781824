import { epochMinute, WebhookActivity } from './webhook-activity';

describe('WebhookActivity', () => {
  const t0 = Date.parse('2026-11-22T12:00:00Z');

  it('groups webhooks per channel and minute until drained', () => {
    const activity = new WebhookActivity();
    activity.record('a', new Date(t0 + 1_000));
    activity.record('a', new Date(t0 + 59_000));
    activity.record('a', new Date(t0 + 61_000));
    activity.record('b', new Date(t0));
    expect(activity.size).toBe(3);
    expect(activity.pendingLastHour('a', t0 + 61_000)).toBe(3);
    expect(activity.pendingLastHour('a', t0 + 60 * 60_000)).toBe(1);
    expect(activity.drain()).toEqual([
      { channelId: 'a', minute: epochMinute(t0), count: 2 },
      { channelId: 'a', minute: epochMinute(t0) + 1, count: 1 },
      { channelId: 'b', minute: epochMinute(t0), count: 1 },
    ]);
    expect(activity.size).toBe(0);
    expect(activity.pendingLastHour('a', t0)).toBe(0);
  });

  it('puts counts back when a flush failed, adding to what arrived meanwhile', () => {
    const activity = new WebhookActivity();
    activity.record('a', new Date(t0));
    const drained = activity.drain();
    activity.record('a', new Date(t0));
    activity.restore(drained);
    expect(activity.drain()).toEqual([{ channelId: 'a', minute: epochMinute(t0), count: 2 }]);
  });
});
