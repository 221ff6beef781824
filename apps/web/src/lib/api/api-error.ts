import type { ApiErrorBody, FieldError } from '@ticklegram/domain-models';

/** Code used when the request never got an HTTP answer (offline, DNS, proxy down). */
export const NETWORK_ERROR_CODE = 'WEB_NETWORK_ERROR';
/** Code used when the server answered with something that is not an {@link ApiErrorBody}. */
export const UNKNOWN_ERROR_CODE = 'WEB_UNKNOWN_ERROR';

/** A failed api call, carrying the api's stable error code and per-field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly errorId?: string;
  readonly requestId?: string;
  /** Seconds from a `Retry-After` header (429), when the server sent one. */
  readonly retryAfterSeconds?: number;

  constructor(body: ApiErrorBody, retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.code = body.code;
    this.fieldErrors = body.errors ?? [];
    this.errorId = body.errorId;
    this.requestId = body.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['statusCode'] === 'number' && typeof v['code'] === 'string' && typeof v['message'] === 'string';
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds an {@link ApiError} from a non-2xx response, tolerating bodies that are not JSON. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (isApiErrorBody(parsed)) return new ApiError(parsed, retryAfter);
  return new ApiError(
    {
      statusCode: response.status,
      code: UNKNOWN_ERROR_CODE,
      message: response.statusText || `Request failed with status ${response.status}`,
      requestId: response.headers.get('x-request-id') ?? undefined,
    },
    retryAfter,
  );
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    statusCode: 0,
    code: NETWORK_ERROR_CODE,
    message: cause instanceof Error ? cause.message : 'Network request failed',
  });
  return error;
}

/** The api refused the signed-in user (their role changed since the page loaded, or it never allowed them). */
export function isForbiddenError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** A sentence for people, never a stack trace or a raw code. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 0) return "Can't reach the server. Check your connection and try again.";
  if (error.status === 429) {
    return error.retryAfterSeconds
      ? `Too many attempts. Try again in ${formatWait(error.retryAfterSeconds)}.`
      : 'Too many attempts. Wait a minute and try again.';
  }
  switch (error.code) {
    case 'AUTH_INVALID_CREDENTIALS':
      return 'Incorrect email or password.';
    case 'AUTH_FORBIDDEN':
      return "You don't have permission to do that.";
    case 'USERS_EMAIL_TAKEN':
      return 'A teammate with this email already exists.';
  }
  if (error.status === 401) return 'Your session has ended. Please sign in again.';
  if (error.status === 403) return "You don't have permission to do that.";
  if (error.status >= 500) {
    const ref = error.errorId ?? error.requestId;
    return ref ? `The server had a problem (reference ${ref}). Please try again.` : 'The server had a problem. Please try again.';
  }
  if (error.code === UNKNOWN_ERROR_CODE) return 'Something went wrong. Please try again.';
  return error.message;
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Field errors keyed by field path, messages joined, for form libraries. */
export function fieldErrorMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    if (fieldError.messages.length > 0) result[fieldError.field] = fieldError.messages.join(' ');
  }
  return result;
}
