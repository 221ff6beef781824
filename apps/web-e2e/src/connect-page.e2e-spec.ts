import { expect, test } from './support/fixtures';
import { E2E_ADMIN } from './support/e2e-env';
import { logIn } from './support/session';

const PAGE_ID = '104825791234560';
const SIM_URL = `http://127.0.0.1:${process.env['E2E_SIM_PORT'] ?? 3102}`;

test('an admin connects a Page through the Facebook Login dialog and sees it healthy; a revoked token shows the reconnect banner', async ({ page }) => {
  await page.goto('/accounts');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();

  // The sandbox connected the simulator's Page at first start; start from a disconnected Page.
  const pageCard = page.locator(`[data-testid="channel-card"][data-external-id="${PAGE_ID}"]`);
  await expect(pageCard).toBeVisible({ timeout: 20_000 });
  if ((await pageCard.getByTestId('channel-status').getAttribute('data-status')) !== 'disconnected') {
    await pageCard.getByTestId('channel-disconnect').click();
    const confirm = page.getByRole('alertdialog', { name: 'Disconnect Example Store?' });
    await confirm.getByTestId('channel-disconnect-confirm').click();
    await expect(confirm).toBeHidden();
  }
  await expect(pageCard.getByTestId('channel-status')).toHaveAttribute('data-status', 'disconnected');

  // Facebook Login in the simulator's dialog, then pick the Page.
  await page.getByTestId('connect-facebook').click();
  await expect(page).toHaveURL(/\/dialog\/oauth\?/);
  await expect(page.getByRole('heading', { name: /is requesting access/ })).toBeVisible();
  await page.getByTestId('oauth-approve').click();
  await expect(page).toHaveURL(/\/accounts\/connect\/facebook\?code=/);
  const option = page.locator(`[data-testid="facebook-page-option"][data-page-id="${PAGE_ID}"]`);
  await expect(option).toContainText('Example Store');
  await expect(option.getByTestId('pick-page')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('connect-selected').click();

  // Back on Accounts: healthy, subscribed to webhooks, and no banner.
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(pageCard.getByTestId('channel-status')).toHaveAttribute('data-status', 'active');
  await expect(pageCard).toContainText('Healthy');
  await expect(pageCard).toContainText('Receiving');
  await expect(pageCard).toContainText('Does not expire');
  await expect(page.getByTestId('channels-attention-banner')).toBeHidden();

  // Meta revokes the Page token (password change → 190/460): the check finds it and the banner appears.
  const tokens = (await (await page.request.get(`${SIM_URL}/_sim/tokens`)).json()) as { data: { token: string; type: string; subjectId: string }[] };
  const pageTokens = tokens.data.filter((t) => t.type === 'PAGE' && t.subjectId === PAGE_ID);
  expect(pageTokens.length).toBeGreaterThan(0);
  for (const { token } of pageTokens) {
    const revoke = await page.request.post(`${SIM_URL}/_sim/tokens/invalidate`, { data: { token, subcode: 460 } });
    expect(revoke.ok()).toBe(true);
  }
  await pageCard.getByTestId('channel-check').click();
  await expect(pageCard.getByTestId('channel-status')).toHaveAttribute('data-status', 'needs_reauth');
  const banner = page.getByTestId('channels-attention-banner');
  // the linked Instagram account runs on the same Page token: a background call for it may flag it too
  await expect(banner).toContainText(/Example Store needs attention|2 accounts need attention: Example Store, Example Store/);
  // the banner follows the admin around the app
  await page.goto('/settings');
  await expect(banner).toBeVisible();
  // by keyboard: the link names where it goes and which account
  await banner.getByRole('link', { name: 'Reconnect on the Accounts page: Example Store' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/accounts$/);

  // Reconnect through the dialog: a fresh Page token, healthy again, banner gone.
  await pageCard.getByTestId('channel-reconnect').click();
  await page.getByTestId('oauth-approve').click();
  await page.getByTestId('connect-selected').click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(pageCard.getByTestId('channel-status')).toHaveAttribute('data-status', 'active');
  await expect(page.getByTestId('channels-attention-banner')).toBeHidden();
});

test('the paste-token dialog works from the keyboard: one tab stop for the kind, arrows change it, Escape closes', async ({ page }) => {
  await page.goto('/accounts');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/accounts$/);
  const trigger = page.getByRole('button', { name: 'Paste a token' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connect with a token' });
  await expect(dialog).toBeVisible();

  const kinds = dialog.getByRole('radiogroup', { name: 'What are you connecting?' });
  const pageKind = kinds.getByRole('radio', { name: 'Facebook Page' });
  const igKind = kinds.getByRole('radio', { name: 'Instagram account' });
  await expect(pageKind).toHaveAttribute('aria-checked', 'true');
  await expect(pageKind).toHaveAttribute('tabindex', '0');
  await expect(igKind).toHaveAttribute('tabindex', '-1');

  await pageKind.focus();
  await page.keyboard.press('ArrowRight');
  await expect(igKind).toHaveAttribute('aria-checked', 'true');
  await expect(igKind).toBeFocused();
  await expect(dialog).toContainText('Instagram Login token');
  // Tab leaves the group for the token field
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Access token')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(igKind).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(pageKind).toHaveAttribute('aria-checked', 'true');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});
