import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { E2E_ADMIN } from './support/e2e-env';
import { logIn } from './support/session';

const STORE = '@example.store';
const STUDIO = '@example.studio';

async function pickAccount(page: Page, label: string): Promise<void> {
  await page.getByTestId('insights-account').click();
  await page.getByRole('option', { name: label }).click();
  await expect(page.getByTestId('insights-account')).toContainText(label);
}

/** Runs a sync now and waits until it finished successfully (the sandbox also syncs on its own at start). */
async function syncNow(page: Page): Promise<void> {
  const status = page.getByTestId('insights-sync-status');
  const button = page.getByTestId('insights-sync-now');
  await expect(button).toBeEnabled({ timeout: 90_000 });
  await button.click();
  await expect(status).toContainText('Last synced just now', { timeout: 90_000 });
  await expect(status).not.toContainText('failed');
}

const viewsCard = (page: Page) => page.getByTestId('insights-card-views').getByTestId('insights-card-value');

test('an admin reads Instagram insights: charts with data, range and account change the numbers, posts and stories', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/insights');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Insights', exact: true })).toBeVisible();

  await pickAccount(page, STUDIO);
  await syncNow(page);

  // non-empty charts: lines and bars drawn from the synced days
  await expect(page.getByTestId('insights-chart-reach').locator('path.recharts-curve').first()).toBeVisible();
  await expect(page.getByTestId('insights-chart-interactions').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('insights-chart-countries').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(viewsCard(page)).not.toHaveText('—');
  const studio28 = (await viewsCard(page).textContent()) ?? '';

  // a shorter range: fewer days summed, the URL remembers it
  await page.getByTestId('insights-range-7').click();
  await expect(page).toHaveURL(/range=7/);
  await expect(page.getByTestId('insights-range-7')).toHaveAttribute('aria-checked', 'true');
  await expect(viewsCard(page)).not.toHaveText(studio28);
  const studio7 = (await viewsCard(page).textContent()) ?? '';
  await expect(page.getByTestId('insights-posts').getByTestId('insights-post')).toHaveCount(1);

  // the other account: its own numbers, its posts with thumbnails, its stories
  await pickAccount(page, STORE);
  await syncNow(page);
  await expect(page).toHaveURL(/account=/);
  await expect(viewsCard(page)).not.toHaveText(studio7);
  await expect(viewsCard(page)).not.toHaveText('—');
  const posts = page.getByTestId('insights-posts').getByTestId('insights-post');
  await expect(posts.nth(2)).toBeVisible();
  const postCount = await posts.count();
  await expect(posts.first().locator('img')).toBeVisible();
  await expect(page.getByTestId('insights-stories').getByTestId('insights-story').first()).toBeVisible();

  // sorting the grid lives in the URL too
  await page.getByTestId('insights-sort').click();
  await page.getByRole('option', { name: 'Most reach' }).click();
  await expect(page).toHaveURL(/sort=reach/);
  await expect(posts).toHaveCount(postCount);

  // a reload keeps account, range and sort
  await page.reload();
  // the session is restored and the statuses load again first
  await expect(page.getByTestId('insights-account')).toContainText(STORE, { timeout: 30_000 });
  await expect(page.getByTestId('insights-range-7')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('insights-sort')).toContainText('Most reach');
});
