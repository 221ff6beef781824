import { randomBytes } from 'node:crypto';

export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id: string;
}

/** An error rendered in Meta's error-object shape: `{"error":{message,type,code,error_subcode,fbtrace_id}}`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly type = 'OAuthException',
    readonly subcode?: number,
    readonly extra: Partial<Pick<GraphErrorBody, 'error_user_title' | 'error_user_msg' | 'is_transient'>> = {},
  ) {
    super(message);
  }

  toBody(): { error: GraphErrorBody } {
    const body: GraphErrorBody = {
      message: this.message,
      type: this.type,
      code: this.code,
      fbtrace_id: `Sim${randomBytes(8).toString('base64url')}`,
    };
    if (this.subcode !== undefined) body.error_subcode = this.subcode;
    Object.assign(body, this.extra);
    return { error: body };
  }
}

export const Errors = {
  invalidToken: (subcode?: number, detail = 'Invalid OAuth access token - Cannot parse access token'): GraphError =>
    new GraphError(400, 190, detail, 'OAuthException', subcode),
  expiredToken: (expiredAt: number): GraphError =>
    new GraphError(
      400,
      190,
      `Error validating access token: Session has expired on ${new Date(expiredAt).toUTCString()}. The current time is ${new Date().toUTCString()}.`,
      'OAuthException',
      463,
    ),
  missingToken: (): GraphError => new GraphError(400, 104, 'An access token is required to request this resource.', 'OAuthException'),
  proofRequired: (): GraphError => new GraphError(400, 100, 'API calls from the server require an appsecret_proof argument', 'GraphMethodException'),
  proofInvalid: (): GraphError => new GraphError(400, 100, 'Invalid appsecret_proof provided in the API argument', 'GraphMethodException'),
  unsupportedGet: (id: string, method = 'get'): GraphError =>
    new GraphError(
      400,
      100,
      `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      'GraphMethodException',
      33,
    ),
  unknownPath: (path: string): GraphError => new GraphError(400, 2500, `Unknown path components: /${path}`, 'OAuthException'),
  nonexistingField: (field: string, nodeType: string): GraphError =>
    new GraphError(400, 100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, 'OAuthException'),
  param: (message: string, subcode?: number, userMsg?: string): GraphError =>
    new GraphError(400, 100, `(#100) ${message}`, 'OAuthException', subcode, userMsg ? { error_user_msg: userMsg } : {}),
  permission: (message: string, subcode?: number): GraphError => new GraphError(403, 10, `(#10) ${message}`, 'OAuthException', subcode),
  outsideWindow: (platform: 'messenger' | 'instagram'): GraphError =>
    new GraphError(
      400,
      10,
      '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
      'OAuthException',
      platform === 'instagram' ? 2534022 : 2018278,
      { error_user_title: 'Message Not Sent', error_user_msg: "This person isn't available right now." },
    ),
};

/** Canonical messages for error codes that can be injected as faults. */
export function faultError(code: number, subcode?: number, message?: string, status?: number): GraphError {
  const known: Record<number, [number, string, string, boolean?]> = {
    1: [500, 'An unknown error occurred', 'OAuthException', true],
    2: [503, 'An unexpected error has occurred. Please retry your request later.', 'OAuthException', true],
    4: [403, '(#4) Application request limit reached', 'OAuthException', true],
    10: [403, '(#10) Application does not have permission for this action', 'OAuthException'],
    17: [403, '(#17) User request limit reached', 'OAuthException', true],
    32: [403, '(#32) Page request limit reached', 'OAuthException', true],
    100: [400, '(#100) Invalid parameter', 'OAuthException'],
    190: [
      400,
      'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
      'OAuthException',
    ],
    200: [403, '(#200) Permissions error', 'OAuthException'],
    341: [400, '(#341) Application limit reached', 'OAuthException', true],
    368: [400, '(#368) The action attempted has been deemed abusive or is otherwise disallowed', 'OAuthException'],
    551: [400, "(#551) This person isn't available right now.", 'OAuthException'],
    613: [400, '(#613) Calls to this api have exceeded the rate limit.', 'OAuthException', true],
    80001: [400, '(#80001) There have been too many calls to this Page account. Wait a bit and try again.', 'OAuthException', true],
    80002: [400, '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.', 'OAuthException', true],
    80006: [400, '(#80006) There have been too many messenger api calls to this Page account. Wait a bit and try again.', 'OAuthException', true],
  };
  const k = known[code] ?? [400, `(#${code}) Simulated error`, 'OAuthException'];
  const transient = k[3] === true && (code === 1 || code === 2);
  return new GraphError(status ?? k[0], code, message ?? k[1], k[2], subcode ?? (code === 190 ? 460 : undefined), transient ? { is_transient: true } : {});
}
