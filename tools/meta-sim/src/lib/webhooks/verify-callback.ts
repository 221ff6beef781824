import type { SimContext } from '../sim-context';

/** Meta's verification handshake: GET callback?hub.mode=subscribe&hub.challenge=N&hub.verify_token=T. */
export async function verifyCallback(
  ctx: SimContext,
  callbackUrl: string,
  verifyToken: string,
): Promise<{ ok: boolean; status?: number; body?: string; challenge: string; error?: string }> {
  const challenge = String(1000000000 + Math.floor(Math.random() * 999999999));
  const u = new URL(callbackUrl);
  u.searchParams.set('hub.mode', 'subscribe');
  u.searchParams.set('hub.challenge', challenge);
  u.searchParams.set('hub.verify_token', verifyToken);
  try {
    const res = await fetch(u, { signal: AbortSignal.timeout(ctx.webhooks.options.timeoutMs) });
    const body = await res.text();
    return { ok: res.status === 200 && body.trim() === challenge, status: res.status, body: body.slice(0, 500), challenge };
  } catch (err) {
    return { ok: false, challenge, error: err instanceof Error ? err.message : String(err) };
  }
}
