import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;

/** Seeded simulator ids (tools/meta-sim README): Max on Messenger. */
const MAX = '7123456789012346';

test('searching the inbox finds message text without accents and marks the matched word in the result', async ({ page, request }) => {
  const word = `Crème${Date.now().toString(36)}`;
  const res = await request.post(`${SIM_URL}/_sim/customers/${MAX}/messages`, { data: { text: `Do you have the ${word} jacket in blue?` } });
  expect(res.ok()).toBe(true);

  await page.goto('/login?next=/inbox');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId('conversation-list-item').filter({ hasText: word })).toBeVisible();

  // typed without the accent and cut short: a prefix of the folded word
  const query = word.slice(0, -2).replace('è', 'e').toLowerCase();
  await page.getByTestId('conversation-search').fill(query);
  const rows = page.getByTestId('conversation-list-item');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('search-snippet')).toContainText(`the ${word} jacket`);
  await expect(rows.first().getByTestId('search-highlight')).toHaveText(word);

  await page.getByTestId('conversation-search').fill(`${query} nowhere`);
  await expect(page.getByTestId('conversation-list-empty')).toBeVisible();
});
