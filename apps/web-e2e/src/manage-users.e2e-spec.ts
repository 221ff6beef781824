import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { CreateUserRequest, SessionResponse, UserDto } from '@ticklegram/domain-models';
import { Role } from '@ticklegram/domain-models';
import { E2E_ADMIN } from './support/e2e-env';
import { logIn, logOut } from './support/session';

/** Signs the browser context in as the admin through the api and creates a teammate (test setup only). */
async function createTeammateAsAdmin(page: Page, body: CreateUserRequest): Promise<UserDto> {
  const login = await page.request.post('/api/auth/login', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  expect(login.status()).toBe(200);
  const session = (await login.json()) as SessionResponse;
  const created = await page.request.post('/api/users', {
    data: body,
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as UserDto;
}

async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test('an admin resets a password and deactivates and reactivates a teammate', async ({ page }) => {
  const agent = {
    name: 'Riley Reset',
    email: `riley.${Date.now()}@e2e.test`,
    role: Role.AGENT,
    password: 'Initial-Passw0rd',
  };
  const newPassword = 'Rotated-Passw0rd-2';
  await createTeammateAsAdmin(page, agent);

  await page.goto('/settings/users');
  const row = page.getByTestId('user-row').filter({ hasText: agent.email });
  await expect(row).toContainText('Active');

  await rowAction(page, agent.name, 'Reset password…');
  const resetDialog = page.getByRole('dialog', { name: 'Reset password' });
  await resetDialog.getByLabel('New password').fill(newPassword);
  await resetDialog.getByRole('button', { name: 'Reset password' }).click();
  await expect(resetDialog).toBeHidden();
  await expect(page.getByText(`Password reset for ${agent.name}`)).toBeVisible();

  await rowAction(page, agent.name, 'Deactivate…');
  const confirm = page.getByRole('alertdialog', { name: `Deactivate ${agent.name}?` });
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Deactivated');

  await logOut(page);
  await logIn(page, agent.email, newPassword);
  await expect(page.getByText('Incorrect email or password.')).toBeVisible();

  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goto('/settings/users');
  await rowAction(page, agent.name, 'Reactivate…');
  await page
    .getByRole('alertdialog', { name: `Reactivate ${agent.name}?` })
    .getByRole('button', { name: 'Reactivate' })
    .click();
  await expect(row).toContainText('Active');
  await logOut(page);

  await logIn(page, agent.email, agent.password);
  await expect(page.getByText('Incorrect email or password.')).toBeVisible();
  await logIn(page, agent.email, newPassword);
  await expect(page).toHaveURL(/\/inbox$/);
});
