import { defineConfig, devices, PlaywrightTestConfig } from '@playwright/test';
import { join, resolve } from 'node:path';
import { E2E_ADMIN } from './e2e-env';

export interface E2eStack {
  /** Ports of the web app, the api and the Meta simulator. */
  ports: { web: number; api: number; sim: number };
  testMatch: string;
  /** Sub-folder for data, results and reports, so two suites never share files. */
  name: string;
  timeout: number;
  expectTimeout: number;
  viewport?: { width: number; height: number };
}

/**
 * A Playwright config running journeys against the *built* apps (`npm test` builds first): the Meta
 * simulator, the api in sandbox mode on a throwaway SQLite directory wiped at every start, and the web
 * app's standalone server, all on loopback ports of their own.
 */
export function e2eConfig(stack: E2eStack): PlaywrightTestConfig {
  // A shared, loaded development box needs more patience than CI; CI runs with the default of 1.
  const scale = Math.max(1, Number(process.env['E2E_TIMEOUT_SCALE'] ?? 1) || 1);
  const root = resolve(__dirname, '../../../..');
  const webUrl = `http://127.0.0.1:${stack.ports.web}`;
  const apiUrl = `http://127.0.0.1:${stack.ports.api}`;
  const simUrl = `http://127.0.0.1:${stack.ports.sim}`;
  const dataDir = join('tmp', stack.name, 'data');
  const server = { cwd: root, reuseExistingServer: false, stdout: 'ignore' as const, stderr: 'pipe' as const };

  return defineConfig({
    // relative paths resolve from the config file (apps/web-e2e)
    testDir: './src',
    testMatch: stack.testMatch,
    outputDir: `./test-results/${stack.name}`,
    // The journeys share one api (and its login throttle): run them one after another.
    fullyParallel: false,
    workers: 1,
    forbidOnly: !!process.env['CI'],
    retries: 0,
    timeout: stack.timeout * scale,
    expect: { timeout: stack.expectTimeout * scale },
    reporter: [
      ['list'],
      ...(process.env['CI'] ? [['html', { open: 'never', outputFolder: `./playwright-report/${stack.name}` }] as const] : []),
      // writes only under `npm test`, which names the failed journeys again at the end of its summary
      [join(root, 'tools/scripts/lib/playwright-failures-reporter.cjs')],
    ],
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
    projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], ...(stack.viewport && { viewport: stack.viewport }) } }],
    webServer: [
      {
        // Meta, simulated: Graph API, login dialogs, the customer phone, signed webhooks to the api
        ...server,
        name: 'meta-sim',
        command: 'node dist/tools/meta-sim/main.js',
        url: `${simUrl}/_sim`,
        timeout: 30_000,
        env: {
          META_SIM_PORT: String(stack.ports.sim),
          META_SIM_HOST: '127.0.0.1',
          META_SIM_PUBLIC_URL: simUrl,
          META_SIM_WEBHOOK_INSTAGRAM_URL: `${apiUrl}/webhooks/instagram`,
          META_SIM_WEBHOOK_FACEBOOK_URL: `${apiUrl}/webhooks/facebook`,
        },
      },
      {
        ...server,
        name: 'api',
        command: `rm -rf ${dataDir} && node dist/apps/api/main.js`,
        url: `${apiUrl}/api/health`,
        timeout: 60_000,
        env: {
          APP_MODE: 'sandbox',
          DATA_DIR: dataDir,
          API_PORT: String(stack.ports.api),
          API_HOST: '127.0.0.1',
          ADMIN_EMAIL: E2E_ADMIN.email,
          ADMIN_PASSWORD: E2E_ADMIN.password,
          ADMIN_NAME: E2E_ADMIN.name,
          WEB_ORIGIN: webUrl,
          PUBLIC_WEB_URL: webUrl,
          API_PUBLIC_URL: apiUrl,
          META_SIM_URL: simUrl,
          META_GRAPH_URL: simUrl,
          META_INSTAGRAM_GRAPH_URL: `${simUrl}/ig`,
          LOG_LEVEL: 'warn',
          // The journeys sign in several times a minute from one address; the throttle itself is
          // covered by the api's own tests.
          THROTTLE_LOGIN_LIMIT: '100',
        },
      },
      {
        ...server,
        name: 'web',
        command: 'node apps/web/scripts/start-standalone.mjs',
        url: `${webUrl}/login`,
        timeout: 60_000,
        env: {
          PORT: String(stack.ports.web),
          HOSTNAME: '127.0.0.1',
          API_INTERNAL_URL: apiUrl,
          API_PUBLIC_URL: apiUrl,
          WEB_CSP_IMAGE_ORIGINS: simUrl,
          NEXT_TELEMETRY_DISABLED: '1',
        },
      },
    ],
  });
}
