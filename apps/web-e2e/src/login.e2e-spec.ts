import { CSP_PROBE_ORIGIN, expect, test } from './support/fixtures';
import { E2E_ADMIN } from './support/e2e-env';
import { logIn } from './support/session';

test('a wrong password shows an error and keeps you on the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, E2E_ADMIN.email, 'not-the-password');

  await expect(page.getByText('Incorrect email or password.')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.context().cookies()).resolves.not.toContainEqual(expect.objectContaining({ name: 'tg_refresh' }));
});

test('empty fields are explained before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
});

test('pages carry a Content-Security-Policy that lets the app reach only its api', async ({ page }) => {
  const response = await page.goto('/login');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+ ws:\/\/127\.0\.0\.1:\d+/);
  // a script from another origin is blocked by the policy itself (not merely unreachable)
  const blocked = await page.evaluate(
    (probe) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          if (event.blockedURI.startsWith(probe)) resolve(`${event.effectiveDirective} ${event.blockedURI}`);
        });
        const script = document.createElement('script');
        script.src = `${probe}/x.js`;
        document.head.appendChild(script);
      }),
    CSP_PROBE_ORIGIN,
  );
  expect(blocked).toBe(`script-src-elem ${CSP_PROBE_ORIGIN}/x.js`);
});
