import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SimToken } from '../state/model';
import type { SimStore } from '../state/store';
import { Errors, GraphError } from './graph-error';
import { str } from '../http/request';

export type GraphHost = 'facebook' | 'instagram';

export interface AuthContext {
  token: SimToken;
  /** Business accounts (Page ids, IG account ids) this token may act for. */
  accountIds: Set<string>;
  host: GraphHost;
}

export function appSecretProof(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export function extractToken(params: Record<string, unknown>, headers: IncomingHttpHeaders): string | undefined {
  const fromParams = str(params['access_token']);
  if (fromParams) return fromParams;
  const header = headers.authorization;
  if (header) {
    const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

function appToken(store: SimStore, raw: string): SimToken | undefined {
  const [appId, secret] = raw.split('|');
  if (!appId || secret === undefined || appId !== store.settings.appId) return undefined;
  if (secret !== store.settings.appSecret) throw new GraphError(400, 190, 'Invalid OAuth access token signature.', 'OAuthException');
  return { token: raw, type: 'APP', appId, subjectId: appId, scopes: [], issuedAt: 0, expiresAt: 0, longLived: true };
}

/** Looks up a token and checks validity the way Graph does (190 + subcode for invalid/expired). */
export function validateToken(store: SimStore, raw: string, host: GraphHost): SimToken {
  const token = appToken(store, raw) ?? store.tokens.get(raw);
  if (!token) throw Errors.invalidToken();
  if (token.type === 'IG_USER' && host !== 'instagram') throw Errors.invalidToken();
  if (token.type !== 'IG_USER' && token.type !== 'APP' && host === 'instagram') throw Errors.invalidToken();
  if (token.invalidSubcode !== undefined) {
    const messages: Record<number, string> = {
      458: 'Error validating access token: The user has not authorized application.',
      460: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
      467: 'Error validating access token: The session is invalid because the user logged out.',
    };
    throw new GraphError(
      400,
      190,
      messages[token.invalidSubcode] ?? 'Error validating access token: The session is invalid.',
      'OAuthException',
      token.invalidSubcode,
    );
  }
  if (token.expiresAt !== 0 && token.expiresAt <= Date.now()) throw Errors.expiredToken(token.expiresAt);
  return token;
}

export function accountsFor(store: SimStore, token: SimToken): Set<string> {
  const ids = new Set<string>();
  if (token.type === 'APP') {
    for (const id of store.pages.keys()) ids.add(id);
    for (const id of store.instagramAccounts.keys()) ids.add(id);
  } else if (token.type === 'PAGE') {
    ids.add(token.subjectId);
    const ig = store.pages.get(token.subjectId)?.instagramAccountId;
    if (ig) ids.add(ig);
  } else if (token.type === 'USER') {
    for (const page of store.pages.values()) {
      if (page.adminUserIds.includes(token.subjectId)) {
        ids.add(page.id);
        if (page.instagramAccountId) ids.add(page.instagramAccountId);
      }
    }
  } else {
    ids.add(token.subjectId);
  }
  return ids;
}

export function authenticate(store: SimStore, params: Record<string, unknown>, headers: IncomingHttpHeaders, host: GraphHost): AuthContext {
  const raw = extractToken(params, headers);
  if (!raw) throw Errors.missingToken();
  const token = validateToken(store, raw, host);
  const proof = str(params['appsecret_proof']);
  if (proof !== undefined) {
    const expected = Buffer.from(appSecretProof(raw, store.settings.appSecret));
    const given = Buffer.from(proof);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw Errors.proofInvalid();
  } else if (store.settings.requireAppSecretProof && host === 'facebook' && token.type !== 'APP') {
    throw Errors.proofRequired();
  }
  return { token, accountIds: accountsFor(store, token), host };
}

/** Permission check: the token must carry one of `anyOf` (app tokens are exempt). */
export function requireScope(auth: AuthContext, anyOf: string[]): void {
  if (auth.token.type === 'APP' || anyOf.some((s) => auth.token.scopes.includes(s))) return;
  throw new GraphError(403, 200, `(#200) Requires ${anyOf.join(' or ')} permission to manage the object`, 'OAuthException');
}
