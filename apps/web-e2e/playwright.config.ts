import { defineConfig, devices } from '@playwright/test';
import { join, resolve } from 'node:path';
import { E2E_ADMIN } from './src/support/e2e-env';

/**
 * Journeys against the *built* apps (build api and web first; `npm test` does). The api runs in
 * sandbox mode on a throwaway SQLite directory that is wiped at every start; ports 3100/3101 keep
 * clear of a dev `npm start` on 3000/3001/3002.
 */
const root = resolve(__dirname, '../..');
const webPort = Number(process.env['E2E_WEB_PORT'] ?? 3100);
const apiPort = Number(process.env['E2E_API_PORT'] ?? 3101);
const webUrl = `http://127.0.0.1:${webPort}`;
const apiUrl = `http://127.0.0.1:${apiPort}`;
const simPort = Number(process.env['E2E_SIM_PORT'] ?? 3102);
const simUrl = `http://127.0.0.1:${simPort}`;
const dataDir = join('tmp', 'e2e', 'data');

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e-spec.ts',
  outputDir: './test-results',
  // The journeys share one api (and its login throttle): run them one after another.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]] : 'list',
  use: {
    baseURL: webUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // Meta, simulated (built by `nx build meta-sim`): Graph API, login dialogs, webhooks to the api
      name: 'meta-sim',
      command: 'node dist/tools/meta-sim/main.js',
      cwd: root,
      url: `${simUrl}/_sim`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        META_SIM_PORT: String(simPort),
        META_SIM_HOST: '127.0.0.1',
        META_SIM_WEBHOOK_INSTAGRAM_URL: `${apiUrl}/webhooks/instagram`,
        META_SIM_WEBHOOK_FACEBOOK_URL: `${apiUrl}/webhooks/facebook`,
      },
    },
    {
      name: 'api',
      command: `rm -rf ${dataDir} && node dist/apps/api/main.js`,
      cwd: root,
      url: `${apiUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        APP_MODE: 'sandbox',
        DATA_DIR: dataDir,
        API_PORT: String(apiPort),
        API_HOST: '127.0.0.1',
        ADMIN_EMAIL: E2E_ADMIN.email,
        ADMIN_PASSWORD: E2E_ADMIN.password,
        ADMIN_NAME: E2E_ADMIN.name,
        WEB_ORIGIN: webUrl,
        META_SIM_URL: simUrl,
        PUBLIC_WEB_URL: webUrl,
        LOG_LEVEL: 'warn',
        // The journeys sign in several times a minute from one address; the throttle itself is
        // covered by the api's own tests.
        THROTTLE_LOGIN_LIMIT: '100',
      },
    },
    {
      name: 'web',
      command: 'node apps/web/scripts/start-standalone.mjs',
      cwd: root,
      url: `${webUrl}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(webPort),
        HOSTNAME: '127.0.0.1',
        API_INTERNAL_URL: apiUrl,
        API_PUBLIC_URL: apiUrl,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
