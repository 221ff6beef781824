import { MessagePlatform, OutcomeType } from '@ticklegram/domain-models';
import { CapiEventInput, CapiValidationError, hashUserDataValue, isMetaGraphError } from '@ticklegram/meta-graph';

/** Pure rules of the Conversions API module: money, the event Meta gets, what to do when a send fails. */

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Digits after the decimal point for `currency` (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 49.90 EUR → 4990; null when `value` has more decimals than the currency allows. */
export function toMinorUnits(value: number, currency: string): number | null {
  const factor = 10 ** currencyDigits(currency);
  const minor = Math.round(value * factor);
  return Math.abs(minor - value * factor) < 1e-6 ? minor : null;
}

export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** Meta's normalisation + SHA-256; null when nothing usable is left (e.g. a phone without digits). */
export function hashEmail(email: string | undefined): string | null {
  return email ? (hashUserDataValue('em', email) ?? null) : null;
}

export function hashPhone(phone: string | undefined): string | null {
  return phone ? (hashUserDataValue('ph', phone) ?? null) : null;
}

export interface EventSubject {
  platform: MessagePlatform;
  /** Page id (Messenger) or Instagram professional account id. */
  accountId: string;
  /** PSID or IGSID. */
  customerId: string;
}

export interface OutcomeFacts {
  eventId: string;
  type: OutcomeType;
  occurredAt: Date;
  value: number | null;
  currency: string | null;
  emailHash: string | null;
  phoneHash: string | null;
}

/** The business-messaging event for an outcome (reference §10): channel ids unhashed, contact data hashed. */
export function buildEventInput(outcome: OutcomeFacts, subject: EventSubject): CapiEventInput {
  const messenger = subject.platform === MessagePlatform.FACEBOOK;
  const event: CapiEventInput = {
    event_name: outcome.type,
    event_time: Math.floor(outcome.occurredAt.getTime() / 1000),
    event_id: outcome.eventId,
    action_source: 'business_messaging',
    messaging_channel: messenger ? 'messenger' : 'instagram',
    user_data: {
      ...(messenger
        ? { page_id: subject.accountId, page_scoped_user_id: subject.customerId }
        : { ig_account_id: subject.accountId, ig_sid: subject.customerId }),
      ...(outcome.emailHash ? { em: [outcome.emailHash] } : {}),
      ...(outcome.phoneHash ? { ph: [outcome.phoneHash] } : {}),
    },
    partner_agent: 'ticklegram',
  };
  if (outcome.value !== null && outcome.currency) event.custom_data = { value: outcome.value, currency: outcome.currency };
  return event;
}

const SEVEN_DAYS_MS = 7 * 24 * 3_600_000;

/** Meta rejects the whole request when an event is older than 7 days: such an event is never sent. */
export function tooOldForMeta(eventTimeS: number, nowMs: number): boolean {
  return nowMs - eventTimeS * 1000 > SEVEN_DAYS_MS;
}

/** Exponential backoff with ±20 % jitter, capped at an hour. `attempt` counts from 1. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const raw = Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/** Network failures that happen before a request is on the wire: Meta cannot have received it. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export type FailureVerdict =
  | { status: 'retrying'; message: string; delayMs: number }
  | { status: 'failed'; message: string; channelProblem: boolean }
  | { status: 'uncertain'; message: string };

export const UNCERTAIN_MESSAGE =
  'The request may have reached Meta, but no answer came back. It is not sent again automatically because Meta does not remove duplicate business-messaging events: check Events Manager, and resend only if it is missing.';

/**
 * What a failed send means for its events. Only Meta's temporary errors (and rate limits) are retried,
 * with backoff, up to `maxAttempts`; a request that may have reached Meta is never repeated on its own.
 */
export function judgeFailure(error: unknown, attempts: number, maxAttempts: number, retryBaseMs: number, accountName: string): FailureVerdict {
  if (error instanceof CapiValidationError)
    return { status: 'failed', message: `Not sent: ${error.problems.map((p) => p.reason).join('; ')}.`, channelProblem: false };
  if (!isMetaGraphError(error)) return { status: 'failed', message: 'Not sent because of an internal error; resend it to try again.', channelProblem: false };
  const temporary = error.kind === 'retryable' || error.kind === 'rate_limited';
  if (temporary && error.httpStatus === undefined && !(error.networkCode && NOT_SENT_CODES.has(error.networkCode))) {
    return { status: 'uncertain', message: UNCERTAIN_MESSAGE };
  }
  if (temporary) {
    if (attempts >= maxAttempts)
      return {
        status: 'failed',
        message: `Meta was not reachable after ${attempts} attempts (${error.userMessage}). Resend it when Meta answers again.`,
        channelProblem: false,
      };
    const delayMs = Math.max(retryDelayMs(attempts, retryBaseMs), error.retryAfterMs ?? 0);
    return { status: 'retrying', message: `Meta is not answering right now (${error.userMessage}); trying again shortly.`, delayMs };
  }
  if (error.kind === 'permission') {
    return {
      status: 'failed',
      message: `Meta refused: ${accountName} has not granted TickleGram the permission to send conversion events (page_events for a Page, instagram_manage_events for Instagram). Reconnect it under Accounts and allow it, then resend.`,
      channelProblem: true,
    };
  }
  if (error.kind === 'reauth_required')
    return {
      status: 'failed',
      message: `Meta no longer accepts the access token of ${accountName}. Reconnect it under Accounts, then resend.`,
      channelProblem: true,
    };
  const detail = error.metaUserMessage ? `Meta says: ${error.metaUserMessage}` : error.userMessage;
  return { status: 'failed', message: `Meta refused the event. ${detail}`, channelProblem: false };
}
