import { createHmac } from 'node:crypto';

/** `appsecret_proof` = hex HMAC-SHA256 of the access token keyed with the app secret (reference §7). */
export function computeAppSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken, 'utf8').digest('hex');
}
