import type { SimToken } from '../state/model';
import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import { validateToken } from './auth';
import { GraphError, Errors } from './graph-error';

/** OAuth token endpoints: app token, code exchange, fb_exchange_token, debug_token, IG exchange/refresh. */

const HOUR = 3_600_000;
const LONG_LIVED_S = 5_183_944;
const IG_LONG_LIVED_S = 5_184_000;

function checkClient(ctx: SimContext, params: Record<string, unknown>): void {
  const clientId = str(params['client_id']);
  const secret = str(params['client_secret']);
  if (clientId !== undefined && clientId !== ctx.store.settings.appId)
    throw new GraphError(400, 101, 'Error validating application. Invalid application ID.', 'OAuthException');
  if (secret !== ctx.store.settings.appSecret) throw new GraphError(400, 1, 'Error validating client secret.', 'OAuthException');
}

function issue(ctx: SimContext, prefix: string, partial: Omit<SimToken, 'token' | 'issuedAt' | 'appId'>): SimToken {
  const token = ctx.store.newToken(prefix);
  const t: SimToken = { ...partial, token, appId: ctx.store.settings.appId, issuedAt: Date.now() };
  ctx.store.tokens.set(token, t);
  return t;
}

function consumeCode(ctx: SimContext, params: Record<string, unknown>, flavour: 'facebook' | 'instagram'): { subjectId: string; scopes: string[] } {
  const code = str(params['code']) ?? '';
  const entry = ctx.store.oauthCodes.get(code.replace(/#_$/, ''));
  if (!entry || entry.flavour !== flavour) throw new GraphError(400, 100, 'Invalid verification code format.', 'OAuthException', 36009);
  if (entry.used) throw new GraphError(400, 100, 'This authorization code has been used.', 'OAuthException', 36009);
  if (Date.now() - entry.issuedAt > HOUR) throw new GraphError(400, 100, 'This authorization code has expired.', 'OAuthException', 36007);
  if (str(params['redirect_uri']) !== entry.redirectUri) {
    throw new GraphError(
      400,
      100,
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      'OAuthException',
      36008,
    );
  }
  entry.used = true;
  return { subjectId: entry.subjectId, scopes: entry.scopes };
}

/** `GET /oauth/access_token` on graph.facebook.com. */
export function facebookAccessToken(ctx: SimContext, params: Record<string, unknown>): Record<string, unknown> {
  checkClient(ctx, params);
  const grant = str(params['grant_type']);
  if (grant === 'client_credentials') {
    return { access_token: `${ctx.store.settings.appId}|${ctx.store.settings.appSecret}`, token_type: 'bearer' };
  }
  if (grant === 'fb_exchange_token') {
    const raw = str(params['fb_exchange_token']);
    if (!raw) throw Errors.param('Missing fb_exchange_token parameter');
    const short = validateToken(ctx.store, raw, 'facebook');
    if (short.type !== 'USER' && short.type !== 'PAGE') throw Errors.param('fb_exchange_token must be a user or page access token');
    if (short.type === 'PAGE') return { access_token: short.token, token_type: 'bearer' };
    const t = issue(ctx, 'EAASimUserLL', {
      type: 'USER',
      subjectId: short.subjectId,
      userId: short.subjectId,
      scopes: short.scopes,
      expiresAt: Date.now() + LONG_LIVED_S * 1000,
      longLived: true,
    });
    return { access_token: t.token, token_type: 'bearer', expires_in: LONG_LIVED_S };
  }
  if (params['code'] !== undefined) {
    const { subjectId, scopes } = consumeCode(ctx, params, 'facebook');
    const t = issue(ctx, 'EAASimUserSL', { type: 'USER', subjectId, userId: subjectId, scopes, expiresAt: Date.now() + HOUR, longLived: false });
    return { access_token: t.token, token_type: 'bearer', expires_in: 3600 };
  }
  throw Errors.param('Missing grant_type, fb_exchange_token or code parameter');
}

/** `GET /debug_token?input_token=…&access_token=<app token>` */
export function debugToken(ctx: SimContext, params: Record<string, unknown>, inspector: SimToken): Record<string, unknown> {
  const input = str(params['input_token']);
  if (!input) throw Errors.param('The parameter input_token is required');
  if (inspector.type !== 'APP' && inspector.appId !== ctx.store.settings.appId)
    throw Errors.permission('Debug token requires an app token or a token of the same app');
  const appToken = `${ctx.store.settings.appId}|`;
  if (input.startsWith(appToken)) {
    return {
      data: {
        app_id: ctx.store.settings.appId,
        type: 'APP',
        application: ctx.store.settings.appName,
        is_valid: input === `${appToken}${ctx.store.settings.appSecret}`,
        scopes: [],
      },
    };
  }
  const t = ctx.store.tokens.get(input);
  if (!t) {
    return { data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token.' }, scopes: [] } };
  }
  let error: Record<string, unknown> | undefined;
  try {
    validateToken(ctx.store, input, t.type === 'IG_USER' ? 'instagram' : 'facebook');
  } catch (e) {
    if (e instanceof GraphError) error = { code: e.code, message: e.message, subcode: e.subcode };
  }
  const data: Record<string, unknown> = {
    app_id: t.appId,
    type: t.type === 'IG_USER' ? 'USER' : t.type,
    application: ctx.store.settings.appName,
    data_access_expires_at: Math.floor((t.issuedAt + 90 * 24 * HOUR) / 1000),
    expires_at: t.expiresAt === 0 ? 0 : Math.floor(t.expiresAt / 1000),
    is_valid: error === undefined,
    issued_at: Math.floor(t.issuedAt / 1000),
    scopes: t.scopes,
    granular_scopes: t.scopes.map((scope) => {
      const targets = t.type === 'PAGE' ? [t.subjectId] : undefined;
      return targets && /^pages_|instagram_/.test(scope) ? { scope, target_ids: targets } : { scope };
    }),
    user_id: t.userId ?? t.subjectId,
  };
  if (t.type === 'PAGE') data['profile_id'] = t.subjectId;
  if (error) data['error'] = error;
  return { data };
}

/** `POST /oauth/access_token` on api.instagram.com (code → short-lived IG user token). */
export function instagramCodeExchange(ctx: SimContext, params: Record<string, unknown>): Record<string, unknown> {
  checkClient(ctx, params);
  if (str(params['grant_type']) !== 'authorization_code') throw Errors.param('grant_type must be authorization_code');
  const { subjectId, scopes } = consumeCode(ctx, params, 'instagram');
  const t = issue(ctx, 'IGAASimShort', { type: 'IG_USER', subjectId, scopes, expiresAt: Date.now() + HOUR, longLived: false });
  return { data: [{ access_token: t.token, user_id: subjectId, permissions: scopes.join(',') }] };
}

/** `GET /access_token?grant_type=ig_exchange_token` on graph.instagram.com. */
export function instagramExchange(ctx: SimContext, params: Record<string, unknown>): Record<string, unknown> {
  checkClient(ctx, params);
  if (str(params['grant_type']) !== 'ig_exchange_token') throw Errors.param('grant_type must be ig_exchange_token');
  const raw = str(params['access_token']);
  if (!raw) throw Errors.missingToken();
  const short = validateToken(ctx.store, raw, 'instagram');
  if (short.type !== 'IG_USER') throw Errors.invalidToken();
  const t = issue(ctx, 'IGAASimLong', {
    type: 'IG_USER',
    subjectId: short.subjectId,
    scopes: short.scopes,
    expiresAt: Date.now() + IG_LONG_LIVED_S * 1000,
    longLived: true,
  });
  return { access_token: t.token, token_type: 'bearer', expires_in: IG_LONG_LIVED_S };
}

/** `GET /refresh_access_token?grant_type=ig_refresh_token` on graph.instagram.com. */
export function instagramRefresh(ctx: SimContext, params: Record<string, unknown>): Record<string, unknown> {
  if (str(params['grant_type']) !== 'ig_refresh_token') throw Errors.param('grant_type must be ig_refresh_token');
  const raw = str(params['access_token']);
  if (!raw) throw Errors.missingToken();
  const t = validateToken(ctx.store, raw, 'instagram');
  if (t.type !== 'IG_USER' || !t.longLived) throw Errors.param('Only long-lived Instagram User tokens can be refreshed');
  if (Date.now() - t.issuedAt < 24 * HOUR) throw Errors.param('The access token must be at least 24 hours old to be refreshed');
  if (!t.scopes.includes('instagram_business_basic')) throw Errors.permission('The instagram_business_basic permission is required to refresh the token');
  const fresh = issue(ctx, 'IGAASimLong', {
    type: 'IG_USER',
    subjectId: t.subjectId,
    scopes: t.scopes,
    expiresAt: Date.now() + IG_LONG_LIVED_S * 1000,
    longLived: true,
  });
  return { access_token: fresh.token, token_type: 'bearer', expires_in: IG_LONG_LIVED_S };
}
