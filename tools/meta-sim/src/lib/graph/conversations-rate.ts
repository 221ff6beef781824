import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import type { AuthContext } from './auth';
import { GraphError } from './graph-error';

/**
 * Conversations API rate limit (reference §6.2): 2 calls per second per Page and per Instagram
 * professional account. Counts conversation lists, conversation and message reads; a call is refused
 * when `limit` calls already arrived in the last 700 ms (a second, less 300 ms allowed for network
 * jitter, so a client pacing itself at 2/s never trips it). Over the limit: `613` with
 * `estimated_time_to_regain_access: 0` (Meta's rate-limit code; the docs don't print this exact error).
 */

const WINDOW_MS = 700;
const calls = new WeakMap<SimContext, Map<string, number[]>>();

/** The business account a Conversations API call is counted against, or undefined for other calls. */
export function conversationsAccount(ctx: SimContext, auth: AuthContext, segments: string[], params: Record<string, unknown>): string | undefined {
  const s = ctx.store;
  const [node = '', edge] = segments;
  if (edge === 'conversations') {
    const id = node === 'me' ? auth.token.subjectId : node;
    const page = s.pages.get(id);
    if (page) return str(params['platform']) === 'instagram' ? (page.instagramAccountId ?? page.id) : page.id;
    const scoped = [...s.instagramAccounts.values()].find((a) => a.appScopedId === id);
    return scoped?.id ?? id;
  }
  if (edge !== undefined && edge !== 'messages') return undefined;
  const conv = s.conversations.get(node);
  if (conv) return conv.accountId;
  if (edge === undefined) {
    const message = s.messages.get(node);
    if (message) return s.conversations.get(message.conversationId)?.accountId;
  }
  return undefined;
}

export function checkConversationsRate(ctx: SimContext, account: string, now = Date.now()): void {
  const limit = ctx.store.settings.conversationsPerSecond;
  if (limit <= 0) return;
  const perCtx = calls.get(ctx) ?? new Map<string, number[]>();
  calls.set(ctx, perCtx);
  const recent = (perCtx.get(account) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= limit) {
    perCtx.set(account, recent);
    throw new GraphError(
      400,
      613,
      '(#613) Calls to this api have exceeded the rate limit. The Conversations API allows 2 calls per second per account.',
      'OAuthException',
      undefined,
      {
        error_user_title: 'Too many requests',
        error_user_msg: 'Slow down: wait a second before reading more conversations.',
      },
    );
  }
  recent.push(now);
  perCtx.set(account, recent);
}

export function resetConversationsRate(ctx: SimContext): void {
  calls.get(ctx)?.clear();
}
