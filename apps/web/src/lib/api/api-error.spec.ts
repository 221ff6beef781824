/** @jest-environment node */
import { ApiError, apiErrorFromResponse, describeApiError, fieldErrorMessages, networkError } from './api-error';

describe('apiErrorFromResponse', () => {
  it('keeps the code, field errors and Retry-After of an ApiErrorBody', async () => {
    const response = new Response(
      JSON.stringify({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid body',
        errors: [{ field: 'email', messages: ['email must be an email', 'email is required'] }],
      }),
      { status: 400, headers: { 'retry-after': '7' } },
    );
    const error = await apiErrorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.retryAfterSeconds).toBe(7);
    expect(fieldErrorMessages(error)).toEqual({ email: 'email must be an email email is required' });
  });

  it('falls back to a generic error for a non-JSON body', async () => {
    const error = await apiErrorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'x-request-id': 'r-1' } }),
    );
    expect(error.status).toBe(502);
    expect(error.code).toBe('WEB_UNKNOWN_ERROR');
    expect(error.requestId).toBe('r-1');
    expect(describeApiError(error)).toBe('The server had a problem (reference r-1). Please try again.');
  });
});

describe('describeApiError', () => {
  const make = (statusCode: number, code: string, message = 'raw', extra: Partial<{ errorId: string }> = {}) =>
    new ApiError({ statusCode, code, message, ...extra });

  it.each([
    [make(401, 'AUTH_INVALID_CREDENTIALS'), 'Incorrect email or password.'],
    [make(429, 'THROTTLED'), 'Too many attempts. Wait a minute and try again.'],
    [make(403, 'AUTH_FORBIDDEN'), "You don't have permission to do that."],
    [make(409, 'USERS_EMAIL_TAKEN'), 'A teammate with this email already exists.'],
    [make(500, 'INTERNAL', 'boom', { errorId: 'e-42' }), 'The server had a problem (reference e-42). Please try again.'],
    [make(400, 'USERS_CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself'), 'You cannot deactivate yourself'],
    [networkError(new TypeError('fetch failed')), "Can't reach the server. Check your connection and try again."],
    [new Error('anything'), 'Something went wrong. Please try again.'],
  ])('maps %p', (error, expected) => {
    expect(describeApiError(error)).toBe(expected);
  });

  it('tells how long to wait when the server said so', () => {
    expect(describeApiError(new ApiError({ statusCode: 429, code: 'T', message: 'm' }, 30))).toBe('Too many attempts. Try again in 30 seconds.');
    expect(describeApiError(new ApiError({ statusCode: 429, code: 'T', message: 'm' }, 90))).toBe('Too many attempts. Try again in 2 minutes.');
  });
});
