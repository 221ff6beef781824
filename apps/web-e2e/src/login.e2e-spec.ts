import { expect, test } from './support/fixtures';
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
