import { expect, type APIRequestContext } from '@playwright/test';
import type { ChannelHistoryDto, ConversationListResponse } from '@ticklegram/domain-models';

/** The ad click the sandbox's Conversions API seed replays at first start (tools/meta-sim SIM_SEED: Noah Fischer). */
const SEEDED_AD_CLICK_CUSTOMER = 'Noah Fischer';

/**
 * Waits for the sandbox's first-start work that adds conversations behind a journey's back: every channel's history
 * import finished (none recovering) and the seeded ad click in the inbox. A journey that counts conversations and
 * runs right after the api started would otherwise see them land between two of its readings.
 */
export async function sandboxSettled(request: APIRequestContext, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  await expect
    .poll(
      async () => {
        const history = (await (await request.get('/api/channels/history', { headers })).json()) as ChannelHistoryDto[];
        const busy = history.filter((h) => h.importStatus === 'pending' || h.importStatus === 'running' || h.recovering);
        return history.length > 0 && busy.length === 0;
      },
      { message: 'the sandbox history imports to finish', timeout: 90_000 },
    )
    .toBe(true);
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/conversations?search=${encodeURIComponent(SEEDED_AD_CLICK_CUSTOMER)}`, { headers });
        return ((await res.json()) as ConversationListResponse).items.length;
      },
      { message: 'the seeded ad click in the inbox', timeout: 90_000 },
    )
    .toBeGreaterThan(0);
}
