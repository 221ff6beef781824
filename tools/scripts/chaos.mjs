#!/usr/bin/env node
// `npm run chaos`: builds the api, then runs the fault-injection suites (apps/api/jest.chaos.config.cts)
// on SQLite and — when TEST_DATABASE_URL is set — on MySQL/MariaDB. See docs/RELIABILITY.md.
import { nx, run } from './lib/run.mjs';

const env = { TG_SKIP_API_BUILD: '1', CHAOS_SCALE: process.env.CHAOS_SCALE ?? '2' };
const mysqlUrl = process.env.TEST_DATABASE_URL;
const steps = [
  ['build', () => nx(['run-many', '-t', 'build', '-p', 'api,meta-sim', '--outputStyle=static'])],
  ['chaos (SQLite)', () => run('npx', ['jest', '-c', 'apps/api/jest.chaos.config.cts'], { env: { ...env, TEST_DATABASE_URL: '' } })],
  // the MariaDB-restart and Redis-outage suites bring their own servers (MariaDB on 4315, Redis on 4316): once is enough
  ...(mysqlUrl
    ? [
        [
          'chaos (MySQL/MariaDB)',
          () =>
            run('npx', ['jest', '-c', 'apps/api/jest.chaos.config.cts', '--testPathIgnorePatterns', 'mariadb-restart', 'redis-outage'], {
              env: { ...env, TEST_DATABASE_URL: mysqlUrl },
            }),
        ],
      ]
    : []),
];
let failed = false;
for (const [name, step] of steps) {
  console.log(`\n━━━ ${name} ━━━`);
  if ((await step()) !== 0) {
    failed = true;
    break;
  }
}
if (!mysqlUrl) console.log('note  chaos on MySQL skipped: set TEST_DATABASE_URL=mariadb://root@127.0.0.1:3306/test to run it');
process.exit(failed ? 1 : 0);
