import { type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../support/e2e-env';
import { expect, test } from '../support/fixtures';
import { logIn } from '../support/session';

const SIM_URL = `http://127.0.0.1:${process.env['E2E_INBOX_SIM_PORT'] ?? 3112}`;
/** @sofia.designs on Instagram (tools/meta-sim README), and the "Spring drop" ad media. */
const CUSTOMER = '6543210987654324';
const AD_MEDIA = '18000000000000103';
const POST_MEDIA = '18000000000000100';

async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function openPhonePosts(browser: Browser): Promise<Page> {
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`${SIM_URL}/phone?platform=instagram&customer=${CUSTOMER}`);
  await expect(phone.getByTestId('phone')).toBeVisible();
  await phone.getByTestId('phone-tab-posts').click();
  return phone;
}

async function commentOnPhone(phone: Page, mediaId: string, text: string): Promise<void> {
  const post = phone.getByTestId(`phone-post-${mediaId}`);
  await post.scrollIntoViewIfNeeded();
  await phone.getByTestId(`phone-comment-input-${mediaId}`).fill(text);
  await phone.getByTestId(`phone-comment-send-${mediaId}`).click();
  await expect(post.getByTestId('phone-comment').filter({ hasText: text })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('an ad comment arrives live as needs reply; the private reply reaches the phone as a DM; the answer shows the originating comment in the inbox', async ({
  page,
  browser,
}) => {
  await page.goto('/login?next=/comments');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/comments/);
  await expect(page.getByTestId('comments-desk')).toHaveAttribute('data-live', 'connected');

  const phone = await openPhonePosts(browser);
  const question = `Does the spring jacket come in green? (${Date.now()})`;
  await commentOnPhone(phone, AD_MEDIA, question);

  // live, without reloading the desk, under "Needs reply"
  const item = page.getByTestId('comment-item').filter({ hasText: question });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-status', 'needs_reply');
  await expect(item).toContainText('Ad');
  await item.click();

  const thread = page.getByTestId('comment-thread');
  await expect(thread).toBeVisible();
  await page.getByTestId('mode-private').click();
  const dm = `Hi Sofia! Yes, green is in stock — here is the link (${Date.now()})`;
  await page.getByTestId('comment-reply-input').fill(dm);
  await page.getByTestId('comment-send').click();
  await expect(thread).toHaveAttribute('data-status', 'replied');
  await expect(page.getByTestId('comment-activity').locator('[data-action="private_reply"][data-status="done"]')).toBeVisible();

  // the phone shows it as a DM, quoting the comment
  await phone.getByTestId('phone-tab-chat').click();
  const received = phone.getByTestId('phone-message').filter({ hasText: dm });
  await expect(received).toBeVisible();
  await expect(phone.getByTestId('phone-private-reply-context').filter({ hasText: question })).toBeVisible();

  // the customer answers in DMs; the inbox conversation shows the comment it came from
  const answer = `Great, I'll order it (${Date.now()})`;
  await phone.getByTestId('phone-input').fill(answer);
  await phone.getByTestId('phone-send').click();
  await page.getByTestId('comment-conversation').getByRole('link').click();
  await expect(page).toHaveURL(/\/inbox\//);
  await expect(page.getByTestId('message-bubble').filter({ hasText: answer })).toBeVisible();
  await expect(page.getByTestId('origin-comment').filter({ hasText: question })).toBeVisible();
});

test('a rule hides a comment with a phone number within a second, on the phone and in the rule log', async ({ page, browser, request }) => {
  const token = await adminToken(request);
  const created = await request.post('/api/comment-rules', {
    headers: { authorization: `Bearer ${token}` },
    data: { name: `Hide phone numbers ${Date.now()}`, conditions: { containsPhone: true }, actions: [{ type: 'hide' }] },
  });
  expect(created.status()).toBe(201);
  const rule = (await created.json()) as { id: string; name: string };

  await page.goto('/login?next=/settings/comment-rules');
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const row = page.getByTestId('rule-row').filter({ hasText: rule.name });
  await expect(row).toBeVisible();
  await row.getByTestId('rule-log-toggle').click();

  const phone = await openPhonePosts(browser);
  const spam = `Cheap followers, call +49 176 1234 ${String(Date.now()).slice(-4)}`;
  await commentOnPhone(phone, POST_MEDIA, spam);
  const mine = phone.getByTestId(`phone-post-${POST_MEDIA}`).getByTestId('phone-comment').filter({ hasText: spam });
  await expect(mine.getByTestId('phone-comment-hidden')).toBeVisible();
  await expect(page.getByTestId('rule-log-entry').filter({ hasText: spam })).toHaveAttribute('data-status', 'done');

  // from the comment being stored (the rule queued the hide in that transaction) to Meta hiding it
  const log = (await (await request.get(`/api/comment-rules/${rule.id}/log`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    items: { commentText: string; createdAt: string; finishedAt: string }[];
  };
  const entry = log.items.find((e) => e.commentText === spam);
  expect(entry).toBeDefined();
  expect(Date.parse(entry?.finishedAt ?? '') - Date.parse(entry?.createdAt ?? '')).toBeLessThan(1_000 * Number(process.env['E2E_TIMEOUT_SCALE'] ?? 1));
  await request.delete(`/api/comment-rules/${rule.id}`, { headers: { authorization: `Bearer ${token}` } });
});
