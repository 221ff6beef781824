import { MessagePlatform } from '@ticklegram/domain-models';
import { CapiValidationError, MetaGraphError } from '@ticklegram/meta-graph';
import { buildEventInput, currencyDigits, judgeFailure, retryDelayMs, toMinorUnits, tooOldForMeta } from './capi.rules';

const graphError = (init: Partial<ConstructorParameters<typeof MetaGraphError>[0]>) =>
  new MetaGraphError({ kind: 'unknown', message: 'm', userMessage: 'Meta had a problem.', ...init });

describe('capi rules', () => {
  it.each([
    [49.9, 'EUR', 4990],
    [1000, 'JPY', 1000],
    [1.234, 'KWD', 1234],
    [10.5, 'JPY', null],
    [0.001, 'EUR', null],
  ])('%s %s is %s minor units', (value, currency, minor) => {
    expect(toMinorUnits(value, currency)).toBe(minor);
  });

  it('knows the decimals of a currency', () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('builds the business-messaging event per channel: ids unhashed, contact data as hashes, value only with a currency', () => {
    const facts = {
      eventId: 'e1',
      type: 'Purchase' as const,
      occurredAt: new Date('2026-12-03T10:00:00Z'),
      value: 49.9,
      currency: 'EUR',
      emailHash: 'a'.repeat(64),
      phoneHash: null,
    };
    expect(buildEventInput(facts, { platform: MessagePlatform.FACEBOOK, accountId: 'P', customerId: 'PSID' })).toEqual({
      event_name: 'Purchase',
      event_time: 1796292000,
      event_id: 'e1',
      action_source: 'business_messaging',
      messaging_channel: 'messenger',
      user_data: { page_id: 'P', page_scoped_user_id: 'PSID', em: ['a'.repeat(64)] },
      custom_data: { value: 49.9, currency: 'EUR' },
      partner_agent: 'ticklegram',
    });
    const ig = buildEventInput(
      { ...facts, type: 'LeadSubmitted', value: null, currency: null, emailHash: null },
      { platform: MessagePlatform.INSTAGRAM, accountId: 'IG', customerId: 'IGSID' },
    );
    expect(ig).toMatchObject({ messaging_channel: 'instagram', user_data: { ig_account_id: 'IG', ig_sid: 'IGSID' } });
    expect(ig.custom_data).toBeUndefined();
  });

  it('an event older than 7 days is too old', () => {
    const now = Date.parse('2026-12-10T00:00:00Z');
    expect(tooOldForMeta(now / 1000 - 7 * 86400 + 60, now)).toBe(false);
    expect(tooOldForMeta(now / 1000 - 7 * 86400 - 60, now)).toBe(true);
  });

  it('backs off exponentially with ±20 % jitter, capped at an hour', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, 1000, () => 0.5))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(1, 1000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1200);
    expect(retryDelayMs(30, 1000, () => 0.5)).toBe(3_600_000);
  });

  it.each<[string, unknown, number, string]>([
    ['a 5xx answer is retried', graphError({ kind: 'retryable', httpStatus: 500 }), 1, 'retrying'],
    ['a rate limit is retried', graphError({ kind: 'rate_limited', httpStatus: 400 }), 1, 'retrying'],
    ['…until the attempts run out', graphError({ kind: 'retryable', httpStatus: 503 }), 3, 'failed'],
    ['a refused connection never reached Meta', graphError({ kind: 'retryable', networkCode: 'ECONNREFUSED' }), 1, 'retrying'],
    ['a timeout may have reached Meta', graphError({ kind: 'retryable', networkCode: 'ETIMEDOUT' }), 1, 'uncertain'],
    ['a reset may have reached Meta', graphError({ kind: 'retryable', networkCode: 'ECONNRESET' }), 1, 'uncertain'],
    ['an invalid request is not retried', graphError({ kind: 'invalid_request', httpStatus: 400, metaUserMessage: 'Event 0: bad' }), 1, 'failed'],
    ['a permission error is not retried', graphError({ kind: 'permission', httpStatus: 403 }), 1, 'failed'],
    ['our own validation is not retried', new CapiValidationError([{ index: 0, reason: 'event_time is 8 days old' }]), 1, 'failed'],
  ])('%s', (_case, error, attempts, status) => {
    expect(judgeFailure(error, attempts, 3, 1000, 'Example Store').status).toBe(status);
  });

  it('says why in plain words', () => {
    expect(judgeFailure(graphError({ kind: 'invalid_request', httpStatus: 400, metaUserMessage: 'Event 0: bad' }), 1, 3, 1000, 'X').status === 'failed').toBe(
      true,
    );
    expect(judgeFailure(graphError({ kind: 'invalid_request', httpStatus: 400, metaUserMessage: 'Event 0: bad' }), 1, 3, 1000, 'X')).toMatchObject({
      message: 'Meta refused the event. Meta says: Event 0: bad',
    });
    expect(judgeFailure(graphError({ kind: 'permission', httpStatus: 403 }), 1, 3, 1000, 'Example Store')).toMatchObject({
      message: expect.stringContaining('page_events'),
      channelProblem: true,
    });
    const wait = judgeFailure(graphError({ kind: 'rate_limited', httpStatus: 400, retryAfterMs: 60_000 }), 1, 3, 1000, 'X');
    expect(wait).toMatchObject({ status: 'retrying', delayMs: 60_000 });
  });
});
