import type { MetaGraphClient } from '@ticklegram/meta-graph';
import type { TokenCheck } from './channel-platform';

/** A token check through `debug_token` (Facebook-host tokens: Pages, Instagram via a Page). */
export async function checkWithDebugToken(graph: MetaGraphClient, token: string): Promise<TokenCheck> {
  const info = await graph.oauth.debugToken(token);
  if (!info.is_valid) return { valid: false, code: info.error?.code ?? null, subcode: info.error?.subcode ?? null };
  return { valid: true, scopes: info.scopes, expiresAt: info.expires_at ? new Date(info.expires_at * 1000) : null };
}
