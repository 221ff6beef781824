import { WebhookActivity } from './webhook-activity';

describe('WebhookActivity', () => {
  const t0 = Date.parse('2026-11-22T12:00:00Z');

  it('counts per channel within the last 60 minutes only', () => {
    const activity = new WebhookActivity();
    activity.record('a', new Date(t0 - 61 * 60_000));
    activity.record('a', new Date(t0 - 59 * 60_000));
    activity.record('a', new Date(t0 - 1_000));
    activity.record('a', new Date(t0 - 500));
    activity.record('b', new Date(t0));
    expect(activity.lastHour('a', t0)).toBe(3);
    expect(activity.lastHour('b', t0)).toBe(1);
    expect(activity.lastHour('unknown', t0)).toBe(0);
    expect(activity.lastHour('a', t0 + 60 * 60_000)).toBe(0);
  });

  it('keeps memory bounded when a channel receives webhooks for hours', () => {
    const activity = new WebhookActivity();
    for (let minute = 0; minute < 600; minute += 1) activity.record('a', new Date(t0 + minute * 60_000));
    expect(activity.lastHour('a', t0 + 599 * 60_000)).toBe(60);
  });
});
