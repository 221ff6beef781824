import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

/**
 * A fresh sandbox opens on the simulator's seeded history (imported through the Conversations API at
 * first start, no webhook involved): Max (26 h) and Aiko (8 days) with their older messages, and the
 * Accounts card says what was imported and offers "Recover now".
 */
test('a fresh sandbox opens on the seeded history: Max and Aiko with weeks of older messages; Accounts shows the import and recovers on request', async ({
  page,
}) => {
  await page.goto('/login?next=/inbox');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/inbox/);

  const max = page.getByTestId('conversation-list-item').filter({ hasText: 'Max Mustermann' });
  await expect(max).toBeVisible();
  // his last message is 26 h old: until the api answers, the banner checks the Page's Human Agent setting, it does not guess
  let answer: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/reply-policy', async (route) => {
    await held;
    await route.continue();
  });
  await max.click();
  await expect(page.getByTestId('thread-title')).toContainText('Max Mustermann');
  const banner = page.getByTestId('reply-policy-banner');
  await expect(banner).toHaveAttribute('data-checking', 'true');
  await expect(banner).toContainText('Checking the reply window');
  await expect(banner).not.toContainText('turned off');
  answer();
  await expect(banner).toHaveAttribute('data-mode', 'human_agent');
  await expect(banner).not.toHaveAttribute('data-checking', 'true');
  await page.unroute('**/reply-policy');
  // 40 days before his last message, and our answer
  await expect(page.getByTestId('message-bubble').filter({ hasText: 'Hallo, habt ihr die Regenhose auch in XL?' })).toBeVisible();
  await expect(page.getByTestId('message-bubble').filter({ hasText: 'Erledigt, bis Freitag reserviert.' })).toBeVisible();

  const aiko = page.getByTestId('conversation-list-item').filter({ hasText: 'Aiko Tanaka' });
  await expect(aiko).toBeVisible();
  await aiko.click();
  await expect(page.getByTestId('thread-title')).toContainText('Aiko Tanaka');
  await expect(page.getByTestId('message-bubble').filter({ hasText: 'Hello, how long does shipping to Osaka take?' })).toBeVisible();
  // her last message is 8 days old: only a utility template may go out
  await expect(page.getByTestId('reply-policy-banner')).toHaveAttribute('data-mode', 'template_required');

  await page.goto('/accounts');
  const card = page.getByTestId('channel-card').filter({ hasText: 'Example Store' }).first();
  await expect(card.getByTestId('channel-history')).toHaveAttribute('data-import-status', 'done');
  await expect(card.getByTestId('channel-history')).toContainText(/Imported \d+ conversations/);
  await card.getByTestId('channel-recover').click();
  await expect(card.getByTestId('channel-recovery')).toContainText('Nothing was missing');
});
