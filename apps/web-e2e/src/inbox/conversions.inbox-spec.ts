import { type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;
/** Seeded simulator ids (tools/meta-sim README): Noah Fischer on Messenger, the "Spring sale" ad, the Page's dataset. */
const NOAH = '7123456789012349';
const SPRING_SALE_AD = '120200000000000001';
const PAGE_DATASET = '1234567890300001';
const AGENT = { email: 'agent.conversions@e2e.test', name: 'Cleo Agent', password: 'E2e-Agent-Passw0rd!' };

interface SimCapiEvent {
  datasetId: string;
  event: {
    event_name: string;
    event_id: string;
    action_source: string;
    messaging_channel: string;
    user_data: Record<string, unknown>;
    custom_data?: { value: number; currency: string };
  };
}

const pageErrors: string[] = [];

async function signedIn(browser: Browser, email: string, password: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await logIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(path));
  return page;
}

async function simEvents(request: APIRequestContext): Promise<SimCapiEvent[]> {
  const res = await request.get(`${SIM_URL}/_sim/capi/events?datasetId=${PAGE_DATASET}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: SimCapiEvent[] }).data;
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

test('an agent records a 49.90 EUR purchase on a conversation from an ad: accepted in the Conversions API log, received by Meta, counted in Attribution', async ({
  browser,
  request,
}) => {
  // the sandbox opened Noah's conversation from the "Spring sale" ad through the webhook path at start
  const agent = await signedIn(browser, AGENT.email, AGENT.password, '/inbox');
  const conversation = agent.getByTestId('conversation-list-item').filter({ hasText: 'Noah Fischer' });
  await expect(conversation).toBeVisible();
  await conversation.click();
  const panelToggle = agent.getByRole('button', { name: /contact details/ });
  if ((await panelToggle.getAttribute('aria-pressed')) !== 'true') await panelToggle.click();
  const adCard = agent.getByTestId('ad-card');
  await expect(adCard).toContainText('Spring sale - rain jackets');
  await expect(adCard.getByTestId('outcomes-empty')).toBeVisible();

  // keyboard-friendly: the type has focus, Enter submits; the value is checked before anything is sent
  await agent.getByTestId('record-outcome').click();
  const dialog = agent.getByTestId('outcome-dialog');
  await expect(dialog.getByTestId('outcome-type')).toBeFocused();
  await dialog.getByTestId('outcome-type').selectOption('Purchase');
  await dialog.getByTestId('outcome-value').focus();
  await agent.keyboard.press('Enter');
  await expect(dialog).toContainText('A purchase needs its value.');
  await dialog.getByTestId('outcome-value').fill('49.90');
  await expect(dialog.getByTestId('outcome-currency')).toHaveValue('EUR');
  await dialog.getByTestId('outcome-email').fill('noah.fischer@example.com');
  await agent.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // the ad card shows the outcome, and Meta's acceptance arrives live
  const outcome = adCard.getByTestId('conversation-outcome').filter({ hasText: 'Purchase' });
  await expect(outcome).toContainText('49.90');
  await expect(outcome).toHaveAttribute('data-status', 'accepted');

  // Settings → Conversions API: the Page's dataset is set up, the event is in the log as accepted
  const admin = await signedIn(browser, E2E_ADMIN.email, E2E_ADMIN.password, '/settings/conversions');
  await expect(admin.getByRole('heading', { name: 'Conversions API' })).toBeVisible();
  await expect(admin.getByTestId('capi-settings-row').filter({ hasText: 'Example Store' }).first().getByTestId('capi-dataset')).toHaveValue(/^\d+$/);
  const row = admin.getByTestId('capi-event-row').filter({ hasText: 'Purchase' }).filter({ hasText: '49.90' });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'accepted');
  await expect(row.getByTestId('capi-event-received')).toContainText('events_received: 1');
  const eventId = await row.getAttribute('data-event-id');

  // the simulator (Meta) received it once, as a business-messaging Messenger event for Noah
  const received = (await simEvents(request)).filter((e) => e.event.event_id === eventId);
  expect(received).toHaveLength(1);
  expect(received[0]?.event).toMatchObject({
    event_name: 'Purchase',
    action_source: 'business_messaging',
    messaging_channel: 'messenger',
    user_data: { page_scoped_user_id: NOAH },
    custom_data: { value: 49.9, currency: 'EUR' },
  });

  // Attribution: the ad's row counts the purchase, its value and Meta's acceptance
  await agent.goto('/attribution');
  const adRow = agent.getByTestId('attribution-row').and(agent.locator(`[data-ad-id="${SPRING_SALE_AD}"]`));
  await expect(adRow).toContainText('Spring sale - rain jackets');
  await expect(adRow.getByTestId('attribution-conversations')).toHaveText('1');
  await expect(adRow.getByTestId('attribution-purchases')).toHaveText('1');
  await expect(adRow.getByTestId('attribution-value')).toContainText('49.90');
  await expect(adRow.getByTestId('attribution-accepted')).toHaveText('1');
  await expect(agent.getByTestId('attribution-chart')).toBeVisible();

  await Promise.all([agent.context().close(), admin.context().close()]);
  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});
