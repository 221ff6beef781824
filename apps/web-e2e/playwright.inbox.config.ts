import { defineConfig, devices } from '@playwright/test';
import { join, resolve } from 'node:path';
import { E2E_ADMIN } from './src/support/e2e-env';

/**
 * The live inbox journeys: Meta simulator + api (sandbox, talking to the simulator) + web, all built
 * first (`npx nx run-many -t build -p api,web,meta-sim`). Separate from playwright.config.ts because
 * these need the simulator; ports 3110–3112 keep clear of the other journeys and of `npm start`.
 *
 *   npx nx run web-e2e:e2e-inbox   (like `e2e`, it runs against existing builds; `npm test` builds first)
 *   npx playwright test -c apps/web-e2e/playwright.inbox.config.ts
 */
const root = resolve(__dirname, '../..');
const webPort = Number(process.env['E2E_INBOX_WEB_PORT'] ?? 3110);
const apiPort = Number(process.env['E2E_INBOX_API_PORT'] ?? 3111);
const simPort = Number(process.env['E2E_INBOX_SIM_PORT'] ?? 3112);
const webUrl = `http://127.0.0.1:${webPort}`;
const apiUrl = `http://127.0.0.1:${apiPort}`;
const simUrl = `http://127.0.0.1:${simPort}`;
const dataDir = join('tmp', 'e2e-inbox', 'data');

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.inbox-spec.ts',
  outputDir: './test-results/inbox',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: './playwright-report/inbox' }]] : 'list',
  use: {
    baseURL: webUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: [
    {
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
        META_SIM_WEBHOOK_INSTAGRAM_URL: `${apiUrl}/webhooks/instagram`,
        META_SIM_WEBHOOK_FACEBOOK_URL: `${apiUrl}/webhooks/facebook`,
        META_SIM_PUBLIC_URL: simUrl,
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
        META_GRAPH_URL: simUrl,
        META_INSTAGRAM_GRAPH_URL: `${simUrl}/ig`,
        META_SIM_URL: simUrl,
        LOG_LEVEL: 'warn',
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

