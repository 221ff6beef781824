import type { ConversationDto, ConversationListResponse, SessionResponse, UserDto } from '@ticklegram/domain-models';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;

/** A seeded simulator customer no other journey writes as (tools/meta-sim README): Sofia Designs on Instagram. */
const SOFIA = '6543210987654324';

test('an agent whose open conversation is handed to a teammate sees at once that it is no longer theirs to see', async ({ page, request }) => {
  const admin = (await (await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } })).json()) as SessionResponse;
  const headers = { authorization: `Bearer ${admin.accessToken}` };
  const agent = { email: `ada.${Date.now()}@e2e.test`, name: 'Ada Access', password: 'E2e-Agent-Passw0rd!' };
  const created = await request.post('/api/users', { headers, data: { ...agent, role: 'AGENT' } });
  expect(created.status()).toBe(201);
  const agentId = ((await created.json()) as UserDto).id;

  const word = `parcel${Date.now().toString(36)}`;
  expect((await request.post(`${SIM_URL}/_sim/customers/${SOFIA}/messages`, { data: { text: `Where is my ${word}?` } })).ok()).toBe(true);
  let found: ConversationDto | undefined;
  await expect
    .poll(
      async () => {
        found = ((await (await request.get(`/api/conversations?search=${word}`, { headers })).json()) as ConversationListResponse).items[0];
        return found?.id;
      },
      { message: 'the new conversation in the inbox', timeout: 30_000 },
    )
    .toBeTruthy();
  const conversation = found as ConversationDto;
  expect((await request.post(`/api/conversations/${conversation.id}/assign`, { headers, data: { assigneeId: agentId } })).ok()).toBe(true);

  await page.goto(`/login?next=/inbox/${conversation.id}`);
  await logIn(page, agent.email, agent.password);
  await expect(page.getByTestId('thread-title')).toContainText(conversation.contact.displayName);
  await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'connected');

  // an admin takes it over: the agent's thread says so without a reload, and offers nothing to act on
  expect((await request.post(`/api/conversations/${conversation.id}/assign`, { headers, data: { assigneeId: admin.user.id } })).ok()).toBe(true);
  await expect(page.getByRole('alert').filter({ hasText: 'This conversation is not available' })).toBeVisible();
  await expect(page.getByTestId('thread-title')).toHaveCount(0);
  await expect(page.getByTestId('status-menu')).toHaveCount(0);
});
