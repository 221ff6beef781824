import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;

/** Seeded simulator customer on Messenger (tools/meta-sim README) no other inbox journey uses. */
const MAX = '7123456789012346';

test('a customer subscribing to marketing messages shows in the contact panel live, and stopping them shows too', async ({ page, request }) => {
  const sim = (path: string, data: object) => request.post(`${SIM_URL}/_sim${path}`, { data }).then((res) => expect(res.ok()).toBe(true));
  const question = `Will you have a sale soon? (${Date.now()})`;

  await page.goto('/login?next=/inbox');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'connected');

  await sim(`/customers/${MAX}/messages`, { text: question });
  await page.getByTestId('conversation-list-item').filter({ hasText: question }).click();
  await expect(page.getByTestId('message-bubble').filter({ hasText: question })).toBeVisible();

  // closed below 1,712 px wide, where it is a sheet over the messages
  await page.getByRole('button', { name: 'Show contact details' }).click();
  const panel = page.getByTestId('contact-panel');
  const optins = panel.getByRole('region', { name: 'Messenger opt-ins' });
  await expect(optins).toContainText('haven’t subscribed');

  // the customer taps "Get messages" on the Page's marketing-messages request in Messenger
  await sim(`/customers/${MAX}/optin`, { type: 'notification_messages', title: 'Weekly deals', payload: 'DEALS' });
  const optin = optins.getByTestId('contact-optin').filter({ hasText: 'Weekly deals' });
  await expect(optin).toHaveAttribute('data-status', 'subscribed');
  await expect(optin).toContainText('Marketing messages');
  await expect(optin).toContainText('Subscribed');

  // and later turns them off
  await sim(`/customers/${MAX}/optin/stop`, {});
  await expect(optin).toHaveAttribute('data-status', 'stopped');
  await expect(optin).toContainText('Stopped');
});
