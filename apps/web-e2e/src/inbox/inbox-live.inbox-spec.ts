import { type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;

/** Seeded simulator customers (see tools/meta-sim README): one on Instagram, one on Messenger. */
const CUSTOMERS = {
  instagram: { id: '6543210987654321', platform: 'INSTAGRAM' },
  messenger: { id: '7123456789012345', platform: 'FACEBOOK' },
} as const;

const AGENT = { email: 'agent.two@e2e.test', name: 'Tess Agent', password: 'E2e-Agent-Passw0rd!' };

async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Uncaught errors in any page these journeys open (the shared fixture only watches `page`). */
const pageErrors: string[] = [];

async function signedInInbox(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
  await page.goto('/login?next=/inbox');
  await logIn(page, email, password);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'connected');
  return page;
}

async function openPhone(browser: Browser, platform: keyof typeof CUSTOMERS): Promise<Page> {
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`${SIM_URL}/phone?platform=${platform}&customer=${CUSTOMERS[platform].id}`);
  await expect(phone.getByTestId('phone')).toBeVisible();
  return phone;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  const token = await adminToken(request);
  const created = await request.post('/api/users', {
    headers: { authorization: `Bearer ${token}` },
    data: { email: AGENT.email, name: AGENT.name, role: 'AGENT', password: AGENT.password },
  });
  expect([200, 201, 409]).toContain(created.status());
});

for (const platform of ['instagram', 'messenger'] as const) {
  test(`${platform}: a customer message arrives live, the reply reaches the phone and turns "Seen"; a teammate sees typing`, async ({ browser }) => {
    const agent = await signedInInbox(browser, E2E_ADMIN.email, E2E_ADMIN.password);
    const phone = await openPhone(browser, platform);
    const question = `Is the blue one in stock? (${platform} ${Date.now()})`;

    await phone.getByTestId('phone-input').fill(question);
    await phone.getByTestId('phone-send').click();

    // Live: no reload of the inbox.
    const row = agent.getByTestId('conversation-list-item').filter({ hasText: question });
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-platform', CUSTOMERS[platform].platform);
    await row.click();
    await expect(agent.getByTestId('message-bubble').filter({ hasText: question })).toBeVisible();
    await expect(agent.getByTestId('reply-policy-banner')).toHaveAttribute('data-mode', 'response');

    // A teammate opens the same conversation and sees the agent typing.
    const teammate = await signedInInbox(browser, AGENT.email, AGENT.password);
    await teammate.goto(new URL(agent.url()).pathname);
    await expect(teammate.getByTestId('thread-title')).toBeVisible();
    await agent.getByTestId('composer-input').click();
    const reply = `Yes, size 38 is in stock (${platform})`;
    await agent.getByTestId('composer-input').pressSequentially('Yes, ', { delay: 20 });
    await expect(teammate.getByTestId('typing-indicator')).toContainText('typing');
    await agent.getByTestId('composer-input').fill(reply);
    await agent.getByTestId('composer-input').press('Enter');

    const sent = agent.getByTestId('message-bubble').filter({ hasText: reply });
    await expect(sent).toHaveCount(1);
    await expect(sent.getByTestId('message-status')).not.toHaveAttribute('data-status', 'failed');

    // The customer's phone shows the reply; opening the thread again reads it.
    await expect(phone.locator('[data-testid="phone-message"][data-direction="business"]').filter({ hasText: reply })).toBeVisible();
    await phone.reload();
    await expect(sent.getByTestId('message-status')).toHaveAttribute('data-status', 'read');
    await expect(sent.getByTestId('message-status')).toHaveText('Seen');

    await Promise.all([agent.context().close(), teammate.context().close(), phone.context().close()]);
    expect(pageErrors, 'uncaught errors in the inbox').toEqual([]);
  });
}
