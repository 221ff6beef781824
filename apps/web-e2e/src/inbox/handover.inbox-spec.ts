import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;

/** Seeded simulator ids (tools/meta-sim README): Lucía on Messenger, our app, the Page inbox of Meta Business Suite. */
const LUCIA = '7123456789012348';
const OUR_APP = '913300000000001';
const PAGE_INBOX = '263902037430900';

test('another app taking a Messenger conversation shows in the thread live, the composer says why nothing can be sent, and it clears when control comes back', async ({
  page,
  request,
}) => {
  const sim = (path: string, data: object) => request.post(`${SIM_URL}/_sim${path}`, { data }).then((res) => expect(res.ok()).toBe(true));
  const question = `Can I still change my order? (${Date.now()})`;

  await page.goto('/login?next=/inbox');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'connected');

  await sim(`/customers/${LUCIA}/messages`, { text: question });
  const row = page.getByTestId('conversation-list-item').filter({ hasText: question });
  await row.click();
  await expect(page.getByTestId('message-bubble').filter({ hasText: question })).toBeVisible();
  await expect(page.getByTestId('reply-policy-banner')).toHaveAttribute('data-mode', 'response');
  await expect(page.getByTestId('thread-owner-banner')).toBeHidden();

  // a person picks the conversation up in Meta Business Suite: the Page inbox takes thread control
  await sim(`/customers/${LUCIA}/handover`, { action: 'take' });
  const banner = page.getByTestId('thread-owner-banner');
  await expect(banner).toContainText('Meta Business Suite inbox has this conversation');
  await expect(banner).toHaveAttribute('data-app-id', PAGE_INBOX);
  const policy = page.getByTestId('reply-policy-banner');
  await expect(policy).toHaveAttribute('data-mode', 'blocked');
  await expect(policy).toContainText('Another app has this conversation');
  await expect(policy).toContainText('controls this conversation right now');

  // they hand it back
  await sim(`/customers/${LUCIA}/handover`, { action: 'pass', appId: PAGE_INBOX, targetAppId: OUR_APP });
  await expect(banner).toBeHidden();
  await expect(policy).toHaveAttribute('data-mode', 'response');
});
