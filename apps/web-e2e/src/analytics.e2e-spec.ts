import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import type { AnalyticsOverviewResponse, ChannelDto } from '@ticklegram/domain-models';
import { expect, test } from './support/fixtures';
import { E2E_ADMIN } from './support/e2e-env';
import { sandboxSettled } from './support/sandbox';
import { logIn, mainNav } from './support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_SIM_PORT'] ?? 3102}`;
/** Seeded simulator customers (tools/meta-sim README): one on Instagram, one on Messenger. */
const CUSTOMERS = { instagram: '6543210987654321', messenger: '7123456789012345' } as const;

test.use({ timezoneId: 'UTC' });

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function overview(request: APIRequestContext, token: string, qs: string): Promise<AnalyticsOverviewResponse> {
  const response = await request.get(`/api/analytics/overview?tz=UTC&${qs}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as AnalyticsOverviewResponse;
}

const openedCard = (page: Page) => page.getByTestId('analytics-card-opened').getByTestId('analytics-card-value');

test('an admin reads team analytics: non-empty charts, the channel filter and the range change the numbers, the CSV has the same numbers', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const token = await adminToken(request);
  // this journey runs first: the sandbox's own first-start conversations must be in before it counts
  await sandboxSettled(request, token);

  // Activity through the real paths: each customer writes (signed webhook), the business answers from Meta's inbox (echo).
  for (const customer of Object.values(CUSTOMERS)) {
    expect((await request.post(`${SIM_URL}/_sim/customers/${customer}/messages`, { data: { text: 'Hi! Is the spring sale still on?' } })).ok()).toBe(true);
    expect((await request.post(`${SIM_URL}/_sim/customers/${customer}/inbox-reply`, { data: { text: 'It is, until Sunday.' } })).ok()).toBe(true);
  }
  const last28 = `from=${day(-27)}&to=${day(0)}`;
  await expect.poll(async () => (await overview(request, token, last28)).summary.firstResponse.count, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  const all = await overview(request, token, last28);
  const channels = (await (await request.get('/api/channels', { headers: { authorization: `Bearer ${token}` } })).json()) as ChannelDto[];
  const instagram = all.channels
    .map((row) => channels.find((c) => c.id === row.channelId))
    .find((c) => c?.platform === 'INSTAGRAM' && all.channels.find((r) => r.channelId === c.id)!.opened > 0);
  expect(instagram).toBeDefined();
  const igOnly = await overview(request, token, `${last28}&channelId=${instagram!.id}`);
  expect(igOnly.summary.opened).toBeLessThan(all.summary.opened);

  // Insights is one click away in the nav, and back to Analytics
  await page.goto('/analytics');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Analytics', exact: true })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { name: 'Insights', exact: true })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'Analytics', exact: true })).toBeVisible();

  // non-empty charts, the API's numbers on the cards
  await expect(openedCard(page)).toHaveText(String(all.summary.opened));
  await expect(page.getByTestId('analytics-chart-volume').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('analytics-chart-frt').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('analytics-chart-heatmap').locator('.recharts-scatter-symbol').first()).toBeVisible();
  await expect(page.getByTestId('analytics-channels').getByTestId('analytics-channel-row').first()).toBeVisible();

  // the channel filter: fewer conversations, kept in the URL
  await page.getByTestId('analytics-channel').click();
  await page.getByRole('option', { name: `${instagram!.name} (Instagram)` }).click();
  await expect(page).toHaveURL(/channel=/);
  await expect(openedCard(page)).toHaveText(String(igOnly.summary.opened));

  // a range a month back: other numbers (today's conversations are outside it)
  const past = await overview(request, token, `from=${day(-60)}&to=${day(-30)}&channelId=${instagram!.id}`);
  expect(past.summary.opened).not.toBe(igOnly.summary.opened);
  await page.getByTestId('analytics-from').fill(day(-60));
  await expect(page).toHaveURL(new RegExp(`from=${day(-60)}`));
  await page.getByTestId('analytics-to').fill(day(-30));
  await expect(page).toHaveURL(new RegExp(`from=${day(-60)}.*to=${day(-30)}`));
  await expect(openedCard(page)).toHaveText(String(past.summary.opened));

  // back to 28 days; the summary CSV carries the numbers on the screen
  await page.getByTestId('analytics-range-28').click();
  await expect(page.getByTestId('analytics-range-28')).toHaveAttribute('aria-checked', 'true');
  await expect(openedCard(page)).toHaveText(String(igOnly.summary.opened));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analytics-csv-overview').click()]);
  expect(download.suggestedFilename()).toMatch(/^analytics-overview-.*\.csv$/);
  const rows = (await readFile((await download.path()) as string, 'utf8'))
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
  expect(rows[0]).toEqual(['metric', 'value', 'team']);
  const value = (metric: string) => rows.find((r) => r[0] === metric)?.[1];
  // the other customers' webhooks may still have been applying when igOnly was read: the CSV equals the API now
  const igNow = await overview(request, token, `${last28}&channelId=${instagram!.id}`);
  expect(value('opened')).toBe(String(igNow.summary.opened));
  expect(value('messages_in')).toBe(String(igNow.summary.messagesIn));
  expect(value('first_response_count')).toBe(String(igNow.summary.firstResponse.count));
});
