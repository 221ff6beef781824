/**
 * Error taxonomy for Graph API failures (reference §5). Classification looks only at the Graph error
 * `code` / `error_subcode` / `is_transient`, the HTTP status and network failures — never at message text.
 */
export type MetaGraphErrorKind =
  /** Temporary failure (codes 1, 2, `is_transient`, 5xx, network, timeout): retry with backoff. */
  | 'retryable'
  /** A platform / BUC / custom rate limit (4, 17, 32, 341, 613, 80000–80014, HTTP 429): wait, then retry. */
  | 'rate_limited'
  /** The access token is invalid, expired or revoked (190 and its subcodes, 102): reconnect the channel. */
  | 'reauth_required'
  /** Sent outside the messaging window (10/2018278 Messenger, 10/2534022 Instagram, 10/2018065 news). */
  | 'outside_window'
  /** The person can't receive messages (551, 10/2018108, 200/1545041). */
  | 'recipient_unavailable'
  /** Permission missing or not granted (10, 200–299, 36103). */
  | 'permission'
  /** Blocked for a while by Meta (368 policy block, 10/1893063 Page restricted): retry only much later. */
  | 'temporarily_blocked'
  /** Another app controls the thread (2018300, 2018321): retry after thread control changes. */
  | 'thread_controlled'
  /** Invalid parameter or object (100 and subcodes, 9000001, private-reply 10900/10903, other 4xx). */
  | 'invalid_request'
  /** Anything else Meta returned that we can't place; not retried. */
  | 'unknown';

/** The Graph error object as Meta returns it under `error`. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
  is_transient?: boolean;
}

export interface MetaGraphErrorInit {
  kind: MetaGraphErrorKind;
  message: string;
  userMessage: string;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  isTransient?: boolean;
  graphType?: string;
  /** `METHOD host/path` of the failed call, without query string (no tokens). */
  endpoint?: string;
  /** Network error code such as ECONNRESET or ETIMEDOUT when no HTTP response arrived. */
  networkCode?: string;
  /** Meta's `error_user_msg`: its own explanation written for end users, when it gave one (secrets redacted). */
  metaUserMessage?: string;
  /**
   * A non-idempotent call that may have taken effect although it failed (timeout, reset or 5xx after the
   * request reached Meta): the caller must find out before doing it again.
   */
  outcomeUnknown?: boolean;
}

export class MetaGraphError extends Error {
  override readonly name = 'MetaGraphError';
  readonly kind: MetaGraphErrorKind;
  readonly code?: number;
  readonly subcode?: number;
  readonly fbtraceId?: string;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  readonly isTransient?: boolean;
  readonly graphType?: string;
  readonly endpoint?: string;
  readonly networkCode?: string;
  /** Plain language an agent or admin can read; never contains tokens or raw Graph text. */
  readonly userMessage: string;
  /** Meta's `error_user_msg` (written by Meta for end users), e.g. why a template submission is invalid. */
  readonly metaUserMessage?: string;
  /** See {@link MetaGraphErrorInit.outcomeUnknown}. */
  readonly outcomeUnknown: boolean;

  constructor(init: MetaGraphErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.code = init.code;
    this.subcode = init.subcode;
    this.fbtraceId = init.fbtraceId;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
    this.isTransient = init.isTransient;
    this.graphType = init.graphType;
    this.endpoint = init.endpoint;
    this.networkCode = init.networkCode;
    this.userMessage = init.userMessage;
    this.metaUserMessage = init.metaUserMessage;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }

  /** True when an automatic retry may help (the retry policy still decides how long to wait). */
  get isRetryable(): boolean {
    return this.kind === 'retryable' || this.kind === 'rate_limited';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      userMessage: this.userMessage,
      code: this.code,
      subcode: this.subcode,
      fbtraceId: this.fbtraceId,
      httpStatus: this.httpStatus,
      retryAfterMs: this.retryAfterMs,
      endpoint: this.endpoint,
      networkCode: this.networkCode,
      outcomeUnknown: this.outcomeUnknown,
    };
  }
}

export function isMetaGraphError(value: unknown): value is MetaGraphError {
  return value instanceof MetaGraphError;
}

export interface ClassifyInput {
  httpStatus?: number;
  error?: GraphErrorBody;
  /** Which surface was called; picks "Instagram" or "Messenger" wording in user messages. */
  platform?: 'instagram' | 'messenger';
}

export interface Classification {
  kind: MetaGraphErrorKind;
  userMessage: string;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);
const OUTSIDE_WINDOW_SUBCODES = new Set([2018278, 2534022, 2018065]);
const REAUTH_SUBCODE_MESSAGES: Record<number, string> = {
  458: 'The app was removed from this account. Reconnect the channel to keep messaging.',
  459: 'Meta has checkpointed this login. The account owner must log in to Facebook and follow the prompts, then reconnect.',
  460: 'The account password changed, so the connection expired. Reconnect the channel.',
  463: 'The connection to Meta expired. Reconnect the channel.',
  464: 'The account owner has not confirmed their Facebook account. They must confirm it, then reconnect.',
  467: 'The connection to Meta is no longer valid. Reconnect the channel.',
  492: 'The person who connected this channel no longer has a role on the Page. Reconnect it with an admin of the Page.',
};

function platformName(platform: ClassifyInput['platform']): string {
  if (platform === 'instagram') return 'Instagram';
  if (platform === 'messenger') return 'Messenger';
  return 'Meta';
}

/**
 * Maps an HTTP status plus Graph error body to a kind and a plain-language message.
 * Order matters: specific code/subcode pairs first, then code families, then HTTP status.
 */
export function classifyGraphError(input: ClassifyInput): Classification {
  const code = input.error?.code;
  const subcode = input.error?.error_subcode;
  const status = input.httpStatus;
  const where = platformName(input.platform);

  if (code === 190 || code === 102) {
    return {
      kind: 'reauth_required',
      userMessage:
        (subcode !== undefined && REAUTH_SUBCODE_MESSAGES[subcode]) ||
        'The connection to Meta is no longer valid (the access token expired or was revoked). An admin needs to reconnect this channel.',
    };
  }
  if (code === 10 && subcode !== undefined && OUTSIDE_WINDOW_SUBCODES.has(subcode)) {
    const app = subcode === 2534022 ? 'Instagram' : subcode === 2018278 ? 'Messenger' : where;
    return {
      kind: 'outside_window',
      userMessage: `This customer hasn't messaged in over 24 hours, so ${app} won't deliver a normal reply. A human agent can still answer within 7 days of their last message (HUMAN_AGENT), or use an approved utility template.`,
    };
  }
  if (code === 551 || (code === 10 && subcode === 2018108) || (code === 200 && subcode === 1545041)) {
    return {
      kind: 'recipient_unavailable',
      userMessage: `This person can't receive your messages right now (they may have blocked the account or be unavailable on ${where}).`,
    };
  }
  if (code === 10 && subcode === 1893063) {
    return {
      kind: 'temporarily_blocked',
      userMessage: 'Meta has temporarily restricted this Page from sending messages. Try again later.',
    };
  }
  if (code === 368) {
    return {
      kind: 'temporarily_blocked',
      userMessage: 'Meta has temporarily blocked this account from this action for a policy reason. Wait before trying again.',
    };
  }
  if (code === 2018300 || code === 2018321 || subcode === 2018300 || subcode === 2018321) {
    return {
      kind: 'thread_controlled',
      userMessage:
        'Another app or an automated flow currently controls this conversation, so the reply was not sent. Try again once it hands the conversation back.',
    };
  }
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014))) {
    if (code === 613 && subcode === 2018338) {
      return {
        kind: 'rate_limited',
        userMessage: 'Meta warned that message tags are being overused on this account. Sending is slowed down; use tags only for their intended purpose.',
      };
    }
    return {
      kind: 'rate_limited',
      userMessage: `${where} is rate limiting this account right now. The message will be retried after a short wait.`,
    };
  }
  if (code === 1 || code === 2 || input.error?.is_transient === true) {
    return {
      kind: 'retryable',
      userMessage: `${where} had a temporary problem. The request can be retried.`,
    };
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299) || code === 36103) {
    if (code === 200 && subcode === 2534041) {
      return {
        kind: 'permission',
        userMessage:
          'The Instagram account owner has turned off API access to messages (Settings → Privacy → Messages → Connected tools). Ask them to allow access.',
      };
    }
    if (code === 10 && subcode === 2534077) {
      return {
        kind: 'permission',
        userMessage:
          'The Instagram account and its Facebook Page are not properly linked (or two-factor authentication is pending). An admin needs to fix the link.',
      };
    }
    if (code === 36103) {
      return {
        kind: 'permission',
        userMessage: 'This Instagram account is not yet eligible for the messaging API.',
      };
    }
    return {
      kind: 'permission',
      userMessage: 'The app does not have permission to do this for this account. An admin may need to reconnect the channel and grant the missing permission.',
    };
  }
  if (code === 100) {
    return { kind: 'invalid_request', userMessage: invalidParameterMessage(subcode) };
  }
  if (code === 10900) {
    return { kind: 'invalid_request', userMessage: 'A private reply was already sent for this comment; Meta allows only one.' };
  }
  if (code === 10903) {
    return { kind: 'invalid_request', userMessage: 'This comment is too old for a private reply (Meta allows them within 7 days).' };
  }
  if (code === 9000001) {
    return { kind: 'invalid_request', userMessage: 'That message was deleted, so this action is no longer possible.' };
  }
  if (status === 429) {
    return {
      kind: 'rate_limited',
      userMessage: `${where} is rate limiting this account right now. The message will be retried after a short wait.`,
    };
  }
  if (status !== undefined && status >= 500) {
    return { kind: 'retryable', userMessage: `${where} had a temporary problem. The request can be retried.` };
  }
  if (status === 401) {
    return {
      kind: 'reauth_required',
      userMessage: 'The connection to Meta is no longer valid. An admin needs to reconnect this channel.',
    };
  }
  if (status === 403) {
    return { kind: 'permission', userMessage: 'Meta refused this request for this account.' };
  }
  if (status !== undefined && status >= 400) {
    return { kind: 'invalid_request', userMessage: 'Meta rejected the request as invalid.' };
  }
  return { kind: 'unknown', userMessage: `${where} returned an unexpected error.` };
}

function invalidParameterMessage(subcode: number | undefined): string {
  switch (subcode) {
    case 33:
      return 'The item no longer exists or the app is not allowed to see it.';
    case 2018001:
      return 'No matching person was found for this conversation.';
    case 2534013:
      return 'The Facebook Page is not linked to the Instagram account.';
    case 2534014:
      return 'No matching Instagram user was found (an Instagram-scoped id is required).';
    case 2534015:
      return 'Instagram rejected the message content as invalid.';
    case 2534025:
      return 'This comment can no longer receive a private reply (one private reply per comment, within 7 days).';
    case 2534029:
      return 'This business is blocked from Instagram messaging.';
    case 2534037:
      return 'Another app owns this conversation thread.';
    default:
      return 'Meta rejected the request as invalid (a parameter is wrong or no longer supported).';
  }
}

/** Network-level failures (no HTTP response). Timeouts and resets are treated as retryable. */
export function classifyNetworkError(networkCode: string | undefined, platform?: ClassifyInput['platform']): Classification {
  const where = platformName(platform);
  const timedOut = networkCode === 'ECONNABORTED' || networkCode === 'ETIMEDOUT';
  return {
    kind: 'retryable',
    userMessage: timedOut ? `${where} did not answer in time. The request can be retried.` : `Could not reach ${where}. The request can be retried.`,
  };
}
