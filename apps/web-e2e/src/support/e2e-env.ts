/** The admin the api seeds on first boot (ADMIN_EMAIL / ADMIN_PASSWORD in playwright.config.ts). */
export const E2E_ADMIN = {
  email: 'admin@e2e.test',
  password: 'E2e-Admin-Passw0rd!',
  name: 'Erin Admin',
} as const;
