import { type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;
/** Seeded Messenger customer whose last message is 8 days old (tools/meta-sim README). */
const AIKO = '7123456789012347';
const AGENT = { email: 'agent.templates@e2e.test', name: 'Tomo Agent', password: 'E2e-Agent-Passw0rd!' };

const pageErrors: string[] = [];

async function signedIn(browser: Browser, email: string, password: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await logIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(path));
  return page;
}

async function sim(request: APIRequestContext, path: string, data: object = {}): Promise<void> {
  const res = await request.post(`${SIM_URL}/_sim${path}`, { data });
  expect(res.ok(), `sim ${path}`).toBe(true);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  const login = await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post('/api/users', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { email: AGENT.email, name: AGENT.name, role: 'AGENT', password: AGENT.password },
  });
  expect([200, 201, 409]).toContain(created.status());
});

test('an admin creates a utility template, it turns Approved live; an agent sends it to Aiko (8 days) with a variable; the phone shows it', async ({
  browser,
  request,
}) => {
  // Meta approves after a short review, so "In review" is visible first
  await sim(request, '/templates/review-policy', { mode: 'approve', delayMs: 2500 });
  const admin = await signedIn(browser, E2E_ADMIN.email, E2E_ADMIN.password, '/templates');
  await expect(admin.getByRole('heading', { name: 'Templates' })).toBeVisible();

  const name = `pickup_ready_${Date.now()}`;
  await admin.getByTestId('templates-new').click();
  const form = admin.getByTestId('template-form');
  await form.getByTestId('template-name').fill(name);
  await form.getByTestId('template-body').fill('{{1}}, your order is ready.');
  await form.getByTestId('template-submit').click();
  // Meta's rules, before anything is submitted
  await expect(form.getByTestId('template-error-body')).toContainText('cannot start with a variable');
  await form.getByTestId('template-body').fill('Hi {{1}}, your order {{2}} is ready for pickup at our store.');
  await form.getByTestId('template-example-1').fill('Jane');
  await form.getByTestId('template-example-2').fill('#1001');
  await expect(form.getByTestId('template-preview-body')).toHaveText('Hi Jane, your order #1001 is ready for pickup at our store.');
  await form.getByTestId('template-submit').click();
  await expect(form).toBeHidden();

  const row = admin.getByTestId('template-row').filter({ hasText: name });
  await expect(row.getByTestId('template-status')).toHaveAttribute('data-status', 'PENDING');
  // Meta's review arrives by webhook and shows without a reload
  await expect(row.getByTestId('template-status')).toHaveAttribute('data-status', 'APPROVED');

  // Aiko's thread (8 days old) is in the inbox since the history import at first start
  const agent = await signedIn(browser, AGENT.email, AGENT.password, '/inbox');
  const conversation = agent.getByTestId('conversation-list-item').filter({ hasText: 'Aiko Tanaka' });
  await expect(conversation).toBeVisible();
  await conversation.click();
  await expect(agent.getByTestId('reply-policy-banner')).toHaveAttribute('data-mode', 'template_required');

  await agent.getByTestId('composer-choose-template').click();
  const picker = agent.getByTestId('template-picker');
  await picker.getByTestId('template-picker-search').fill(name);
  await picker.getByTestId('template-picker-search').press('Enter');
  // the customer's first name is filled in; the order number is typed
  await expect(picker.getByTestId('template-picker-var-1')).toHaveValue('Aiko');
  await picker.getByTestId('template-picker-var-2').fill('#4711');
  const text = 'Hi Aiko, your order #4711 is ready for pickup at our store.';
  await expect(picker.getByTestId('template-preview-body')).toHaveText(text);
  await picker.getByTestId('template-picker-send').click();

  const sent = agent.getByTestId('message-bubble').filter({ hasText: text });
  await expect(sent).toHaveCount(1);
  await expect(sent.getByTestId('message-template')).toContainText(name);
  await expect(sent.getByTestId('message-status')).not.toHaveAttribute('data-status', /pending|failed/);

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`${SIM_URL}/phone?platform=messenger&customer=${AIKO}`);
  await expect(phone.locator('[data-testid="phone-message"][data-direction="business"]').filter({ hasText: text })).toBeVisible();

  await Promise.all([admin.context().close(), agent.context().close(), phone.context().close()]);
  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});
