import { e2eConfig } from './src/support/e2e-config';

/** Sign-in, users, roles and Accounts journeys. Ports 3100–3102 keep clear of a dev `npm start`. */
export default e2eConfig({
  name: 'e2e',
  testMatch: '**/*.e2e-spec.ts',
  ports: {
    web: Number(process.env['E2E_WEB_PORT'] ?? 3100),
    api: Number(process.env['E2E_API_PORT'] ?? 3101),
    sim: Number(process.env['E2E_SIM_PORT'] ?? 3102),
  },
  timeout: 30_000,
  expectTimeout: 7_000,
});
