import { expect, test } from './support/fixtures';
import { E2E_ADMIN } from './support/e2e-env';
import { logIn, logOut, mainNav } from './support/session';

test('an admin adds an agent, who signs in without admin navigation and gets a 403 on the users page', async ({ page }) => {
  const agent = { name: 'Avery Agent', email: `avery.${Date.now()}@e2e.test`, password: 'Agent-Passw0rd-1' };

  // Signed out, the admin page sends you to sign in and back again afterwards.
  await page.goto('/settings/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fusers$/);
  await logIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(page.getByTestId('user-row').filter({ hasText: E2E_ADMIN.email })).toContainText('Admin');

  // Create the agent; the server-side rules are shown next to the fields.
  await page.getByRole('button', { name: 'Add teammate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a teammate' });
  await dialog.getByLabel('Name').fill(agent.name);
  await dialog.getByLabel('Email').fill(agent.email);
  await dialog.getByLabel('Password').fill('short');
  await dialog.getByRole('button', { name: 'Add teammate' }).click();
  await expect(dialog.getByText('Use at least 10 characters.')).toBeVisible();
  await dialog.getByLabel('Password').fill(agent.password);
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveText('Agent');
  await dialog.getByRole('button', { name: 'Add teammate' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('user-row').filter({ hasText: agent.email });
  await expect(row).toContainText(agent.name);
  await expect(row).toContainText('Agent');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  // The same email cannot be used twice.
  await page.getByRole('button', { name: 'Add teammate' }).click();
  await dialog.getByLabel('Name').fill('Someone Else');
  await dialog.getByLabel('Email').fill(agent.email);
  await dialog.getByLabel('Password').fill(agent.password);
  await dialog.getByRole('button', { name: 'Add teammate' }).click();
  await expect(dialog.getByText('A teammate with this email already exists.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await logOut(page);
  // The session is really gone: the app sends you back to sign in.
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login\?next=%2Finbox$/);

  await logIn(page, agent.email, agent.password);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { name: 'Inbox', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(agent.name);
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Agent');

  const nav = mainNav(page);
  for (const section of ['Inbox', 'Comments', 'Insights', 'Templates', 'Accounts', 'Settings']) {
    await expect(nav.getByRole('link', { name: section, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  // Typing the admin URL shows a proper 403 page with a way back.
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByTestId('user-row')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to inbox' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
});
