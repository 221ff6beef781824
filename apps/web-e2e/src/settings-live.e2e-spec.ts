import type { APIRequestContext } from '@playwright/test';
import type { ChannelDto, SessionResponse } from '@ticklegram/domain-models';
import { expect, test } from './support/fixtures';
import { E2E_ADMIN } from './support/e2e-env';
import { logIn, mainNav } from './support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_SIM_PORT'] ?? 3102}`;
/** The simulator's Instagram-Login account (@example.studio) the sandbox connected at first start. */
const IG_LOGIN_ACCOUNT = '17841400000000002';

/** The api as a second admin session (not the page's): what it changes reaches the page only over the socket. */
async function adminApi(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${((await login.json()) as SessionResponse).accessToken}` };
  return {
    async channel(externalId: string): Promise<ChannelDto> {
      const list = (await (await request.get('/api/channels', { headers })).json()) as ChannelDto[];
      const found = list.find((c) => c.externalId === externalId);
      if (!found) throw new Error(`no channel ${externalId}`);
      return found;
    },
    post: (path: string, data?: unknown) => request.post(path, { headers, data }),
  };
}

test('the attention banner appears and clears live on channel.updated, without a reload', async ({ page, request }) => {
  await page.goto('/inbox');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'connected');

  // Client-side navigation: the app-wide socket stays open on Settings. The marker proves no reload.
  await mainNav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { e2eMarker: string }).e2eMarker = 'same page'));
  const api = await adminApi(request);
  const studio = await api.channel(IG_LOGIN_ACCOUNT);
  expect(studio.status).toBe('active');
  // Another journey may have left a different channel broken: only this channel's mention counts.
  const banner = page.getByTestId('channels-attention-banner');
  const studioInBanner = banner.filter({ hasText: studio.name });
  await expect(studioInBanner).toHaveCount(0);

  // Meta answers the next token check with 190: the api marks the channel and pushes channel.updated.
  const fault = await request.post(`${SIM_URL}/_sim/faults`, { data: { pattern: 'GET /me', code: 190, times: 1 } });
  expect(fault.ok()).toBe(true);
  expect((await api.post(`/api/channels/${studio.id}/check`)).ok()).toBe(true);
  await expect(studioInBanner).toContainText(/needs? attention/);
  await expect(banner.getByTestId('channels-attention-fix')).toHaveAttribute('href', '/accounts');

  // Reconnected with a working token (paste-token path): the channel leaves the banner, still without a reload.
  const seed = (await (await request.get(`${SIM_URL}/_sim/seed`)).json()) as { instagramLogin: { accessToken: string } };
  expect((await api.post('/api/instagram/accounts/token', { accessToken: seed.instagramLogin.accessToken })).ok()).toBe(true);
  await expect(studioInBanner).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe('same page');
});

test('an admin turns round-robin assignment on in Settings, with the keyboard, and it stays on', async ({ page }) => {
  await page.goto('/settings');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/settings$/);

  // Off by default; on with a capacity of 3, kept after a reload.
  const form = page.getByTestId('assignment-settings');
  const roundRobin = form.getByRole('switch', { name: 'Round-robin assignment' });
  const capacity = form.getByLabel('Open conversations per agent');
  await expect(roundRobin).toHaveAttribute('aria-checked', 'false');
  await expect(capacity).toHaveValue('10');
  await roundRobin.focus();
  await page.keyboard.press('Space');
  await capacity.fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter a whole number from 1 to 1000.')).toBeVisible();
  await capacity.fill('3');
  await capacity.press('Enter');
  await expect(page.getByText('Round-robin assignment is on')).toBeVisible();

  await page.reload();
  await expect(roundRobin).toHaveAttribute('aria-checked', 'true');
  await expect(capacity).toHaveValue('3');

  // Back to the default for the journeys that follow.
  await roundRobin.click();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Round-robin assignment is off')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Save' })).toBeDisabled();
});
