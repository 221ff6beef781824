import type { ConversationListResponse, SessionResponse } from '@ticklegram/domain-models';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const HEADER_CONTROLS = ['labels-menu', 'priority-menu', 'record-outcome', 'assignee-menu', 'status-menu'];

test('the thread header fits beside the contact panel at common widths: every control can be clicked, none hides under the panel', async ({
  page,
  request,
}) => {
  const admin = (await (await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } })).json()) as SessionResponse;
  const headers = { authorization: `Bearer ${admin.accessToken}` };
  // Max's conversation on Messenger (history imported at first start), assigned so the assignee menu shows a name
  let conversationId: string | undefined;
  await expect
    .poll(
      async () => {
        conversationId = ((await (await request.get('/api/conversations?search=Mustermann', { headers })).json()) as ConversationListResponse).items[0]?.id;
        return conversationId;
      },
      { message: "Max's conversation in the inbox", timeout: 30_000 },
    )
    .toBeTruthy();
  expect((await request.post(`/api/conversations/${conversationId}/assign`, { headers, data: { assigneeId: admin.user.id } })).ok()).toBe(true);

  await page.goto(`/login?next=/inbox/${conversationId}`);
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByTestId('thread-title')).toContainText('Max Mustermann');
  const toggle = page.getByRole('button', { name: /contact details/ });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(page.getByRole('button', { name: 'Hide contact details' })).toBeVisible();

  for (const width of [1280, 1440, 1680, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    // a trial click fails when another element (the contact panel) would receive it
    for (const control of HEADER_CONTROLS) await page.getByTestId(control).click({ trial: true, timeout: 2_000 });
    await page.getByRole('button', { name: 'Hide contact details' }).click({ trial: true, timeout: 2_000 });
  }
});
