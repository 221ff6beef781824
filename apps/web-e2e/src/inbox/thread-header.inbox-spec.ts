import type { ConversationListResponse, SessionResponse } from '@ticklegram/domain-models';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const HEADER_CONTROLS = ['labels-menu', 'priority-menu', 'record-outcome', 'assignee-menu', 'status-menu'];

test('the contact panel is a column beside the thread where both fit and a sheet over the messages elsewhere: the header and the composer stay reachable', async ({
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
  const panel = page.getByTestId('contact-panel');
  const thread = page.getByTestId('message-thread');
  for (const width of [1280, 1440, 1680, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    const toggle = page.getByRole('button', { name: /contact details$/ });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(panel).toBeVisible();
    // the panel leaves the header and the composer free: a trial click fails when another element (the panel) would receive it
    for (const control of HEADER_CONTROLS) await page.getByTestId(control).click({ trial: true, timeout: 2_000 });
    await page.getByRole('button', { name: 'Hide contact details' }).click({ trial: true, timeout: 2_000 });
    await page.getByTestId('composer-input').click({ trial: true, timeout: 2_000, position: { x: 10, y: 10 } });
    await expect(page.getByTestId('send-button')).toBeInViewport({ ratio: 1 });
    const sendBox = await page.getByTestId('send-button').boundingBox();
    const [threadBox, panelBox] = [await thread.boundingBox(), await panel.boundingBox()];
    if (!threadBox || !panelBox) throw new Error('the thread or the panel is not laid out');
    // the thread view (window − nav 240, folders 192 and list 320/384 px) takes the panel as a column from 896 px: 1,712 px windows
    if (width >= 1712) {
      expect(panelBox.x).toBeGreaterThanOrEqual(threadBox.x + threadBox.width - 1);
      expect(threadBox.width).toBeGreaterThanOrEqual(600);
    } else {
      // a sheet over the messages' right edge (they keep their whole width underneath), ending above the composer
      expect(panelBox.x + panelBox.width).toBeCloseTo(threadBox.x + threadBox.width, 0);
      expect(panelBox.y + panelBox.height).toBeLessThanOrEqual((sendBox?.y ?? 0) + 1);
    }
  }

  // the next visit: a sheet starts closed; a column is open unless the agent closed it, which is remembered
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show contact details' })).toBeVisible();
  await expect(panel).toHaveCount(0);
  await page.setViewportSize({ width: 1920, height: 900 });
  await page.reload();
  await expect(panel).toBeVisible();
  await page.getByRole('button', { name: 'Hide contact details' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show contact details' })).toBeVisible();
  await expect(panel).toHaveCount(0);
});
