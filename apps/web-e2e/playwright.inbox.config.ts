import { e2eConfig } from './src/support/e2e-config';

/**
 * The live inbox journeys: the simulator's customer phone talks to agents in the inbox. A stack of its
 * own (ports 3110–3112) because they need fresh conversations.
 *
 *   npx nx run web-e2e:e2e-inbox   (like `e2e`, it runs against existing builds; `npm test` builds first)
 */
export default e2eConfig({
  name: 'e2e-inbox',
  testMatch: '**/*.inbox-spec.ts',
  ports: {
    web: Number(process.env['E2E_INBOX_WEB_PORT'] ?? 3110),
    api: Number(process.env['E2E_INBOX_API_PORT'] ?? 3111),
    sim: Number(process.env['E2E_INBOX_SIM_PORT'] ?? 3112),
  },
  timeout: 60_000,
  expectTimeout: 10_000,
  viewport: { width: 1440, height: 900 },
});
