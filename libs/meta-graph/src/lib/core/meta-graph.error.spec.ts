import { MetaGraphErrorKind, classifyGraphError, classifyNetworkError } from './meta-graph.error';

type Row = [label: string, httpStatus: number, code: number | undefined, subcode: number | undefined, expected: MetaGraphErrorKind, transient?: boolean];

// Reference §5.2, row by row.
const table: Row[] = [
  ['1 API unknown', 500, 1, undefined, 'retryable'],
  ['1/99 unknown (retry, give up if it persists)', 400, 1, 99, 'retryable'],
  ['2 service unavailable', 503, 2, undefined, 'retryable'],
  ['is_transient on an otherwise unknown code', 400, 9999, undefined, 'retryable', true],
  ['4 app rate limit', 400, 4, undefined, 'rate_limited'],
  ['17 user rate limit', 400, 17, undefined, 'rate_limited'],
  ['17/2446079 old ads limit', 400, 17, 2446079, 'rate_limited'],
  ['32 pages user-token limit', 400, 32, undefined, 'rate_limited'],
  ['341 application limit', 400, 341, undefined, 'rate_limited'],
  ['613 custom rate limit', 400, 613, undefined, 'rate_limited'],
  ['613/1996 erratic volume', 400, 613, 1996, 'rate_limited'],
  ['613/2534040 IG messaging rate limit', 400, 613, 2534040, 'rate_limited'],
  ['613/2018338 tag abuse warning', 400, 613, 2018338, 'rate_limited'],
  ['80001 BUC pages', 400, 80001, undefined, 'rate_limited'],
  ['80002 BUC instagram', 400, 80002, undefined, 'rate_limited'],
  ['80004 BUC ads management', 400, 80004, undefined, 'rate_limited'],
  ['80006 BUC messenger', 400, 80006, undefined, 'rate_limited'],
  ['80008 BUC', 400, 80008, undefined, 'rate_limited'],
  ['368 policy block', 400, 368, undefined, 'temporarily_blocked'],
  ['10/1893063 page restricted', 400, 10, 1893063, 'temporarily_blocked'],
  ['10/2018278 Messenger outside window', 400, 10, 2018278, 'outside_window'],
  ['10/2534022 Instagram outside window', 400, 10, 2534022, 'outside_window'],
  ['10/2018065 news window', 400, 10, 2018065, 'outside_window'],
  ['10/2018108 cannot receive', 400, 10, 2018108, 'recipient_unavailable'],
  ['551 unavailable', 400, 551, undefined, 'recipient_unavailable'],
  ['551/1545041 unavailable', 400, 551, 1545041, 'recipient_unavailable'],
  ['200/1545041 person unavailable', 400, 200, 1545041, 'recipient_unavailable'],
  ['10 permission denied', 403, 10, undefined, 'permission'],
  ['10/2534077 IG link / 2FA', 400, 10, 2534077, 'permission'],
  ['200 not reviewed', 403, 200, undefined, 'permission'],
  ['200/2534041 owner disabled DM access', 403, 200, 2534041, 'permission'],
  ['230 permission family', 403, 230, undefined, 'permission'],
  ['299 permission family', 403, 299, undefined, 'permission'],
  ['36103 not eligible', 400, 36103, undefined, 'permission'],
  ['100 invalid parameter', 400, 100, undefined, 'invalid_request'],
  ['100/33 missing object', 400, 100, 33, 'invalid_request'],
  ['100/2018001 no matching user', 400, 100, 2018001, 'invalid_request'],
  ['100/2534013 page not linked', 400, 100, 2534013, 'invalid_request'],
  ['100/2534014 no matching IG user', 400, 100, 2534014, 'invalid_request'],
  ['100/2534025 comment invalid for private reply', 400, 100, 2534025, 'invalid_request'],
  ['9000001 deleted message', 400, 9000001, undefined, 'invalid_request'],
  ['10900 private reply already sent', 400, 10900, undefined, 'invalid_request'],
  ['10903 private reply too old', 400, 10903, undefined, 'invalid_request'],
  ['190 invalid token', 400, 190, undefined, 'reauth_required'],
  ['190/458 app not installed', 400, 190, 458, 'reauth_required'],
  ['190/459 checkpointed', 400, 190, 459, 'reauth_required'],
  ['190/460 password changed', 400, 190, 460, 'reauth_required'],
  ['190/463 expired', 400, 190, 463, 'reauth_required'],
  ['190/464 unconfirmed', 400, 190, 464, 'reauth_required'],
  ['190/467 invalid', 400, 190, 467, 'reauth_required'],
  ['190/492 invalid session', 400, 190, 492, 'reauth_required'],
  ['102 session key invalid', 400, 102, undefined, 'reauth_required'],
  ['2018300 thread controlled', 400, 2018300, undefined, 'thread_controlled'],
  ['10/2018321 automated flow', 400, 10, 2018321, 'thread_controlled'],
  ['bare 429', 429, undefined, undefined, 'rate_limited'],
  ['bare 500', 500, undefined, undefined, 'retryable'],
  ['bare 502', 502, undefined, undefined, 'retryable'],
  ['bare 401', 401, undefined, undefined, 'reauth_required'],
  ['bare 404', 404, undefined, undefined, 'invalid_request'],
  ['unknown code with 200 status', 200, 123456, undefined, 'unknown'],
];

describe('classifyGraphError', () => {
  it.each(table)('%s → %s', (...row: Row) => {
    const [, httpStatus, code, subcode, expected, transient] = row;
    const result = classifyGraphError({
      httpStatus,
      error: code === undefined ? undefined : { code, error_subcode: subcode, is_transient: transient, message: 'x', type: 'OAuthException' },
    });
    expect(result.kind).toBe(expected);
    expect(result.userMessage.length).toBeGreaterThan(20);
  });

  it('explains the Instagram window in plain language', () => {
    const result = classifyGraphError({ httpStatus: 400, error: { code: 10, error_subcode: 2534022 } });
    expect(result.userMessage).toContain("hasn't messaged in over 24 hours");
    expect(result.userMessage).toContain('Instagram');
  });

  it('names Messenger for the Messenger window subcode', () => {
    expect(classifyGraphError({ httpStatus: 400, error: { code: 10, error_subcode: 2018278 } }).userMessage).toContain('Messenger');
  });

  it('classifies code before HTTP status (a 500 carrying 190 still needs re-auth)', () => {
    expect(classifyGraphError({ httpStatus: 500, error: { code: 190 } }).kind).toBe('reauth_required');
  });
});

describe('classifyNetworkError', () => {
  it.each(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', undefined])('%s is retryable', (code) => {
    expect(classifyNetworkError(code).kind).toBe('retryable');
  });
});
