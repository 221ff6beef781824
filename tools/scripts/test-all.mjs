#!/usr/bin/env node
// `npm test`: the whole suite, in the order a reviewer would want it to fail fast — lint (incl. module
// boundaries), type-check, unit tests, build, api integration on SQLite (and on MySQL/MariaDB when
// TEST_DATABASE_URL is set), then the Playwright journeys on the built apps.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nx, ROOT } from './lib/run.mjs';

const skipE2e = process.argv.includes('--skip-e2e');
const mysqlUrl = process.env.TEST_DATABASE_URL;

const integrationEnv = { TG_SKIP_API_BUILD: '1' }; // the build step below already produced dist/apps/api
const steps = [
  ['lint', () => nx(['run-many', '-t', 'lint', '--outputStyle=static'])],
  ['formatting (prettier, one print width)', () => nx(['format:check', '--all'])],
  ['type-check', () => nx(['run-many', '-t', 'typecheck', '--outputStyle=static'])],
  ['unit tests', () => nx(['run-many', '-t', 'test', '--outputStyle=static'])],
  // the crash test runs the built api, and the journeys run the built apps
  ['build', () => nx(['run-many', '-t', 'build', '-p', 'api,web,meta-sim', '--outputStyle=static'])],
  ['integration (SQLite)', () => nx(['run', 'api:integration', '--outputStyle=static'], { env: { ...integrationEnv, TEST_DATABASE_URL: '' } })],
  ...(mysqlUrl
    ? [
        [
          'integration (MySQL/MariaDB)',
          () => nx(['run', 'api:integration', '--outputStyle=static'], { env: { ...integrationEnv, TEST_DATABASE_URL: mysqlUrl } }),
        ],
      ]
    : []),
  ...(process.env.TEST_REDIS_URL
    ? [['Api replicas sharing Redis (Socket.IO, rate limits)', () => nx(['run', 'api:integration-redis', '--outputStyle=static'])]]
    : []),
  ...(skipE2e
    ? []
    : [
        ['Playwright journeys', () => nx(['run', 'web-e2e:e2e', '--outputStyle=static'])],
        ['Playwright inbox journeys (customer phone)', () => nx(['run', 'web-e2e:e2e-inbox', '--outputStyle=static'])],
      ]),
];

// the jest and Playwright failures reporters (tools/scripts/lib) append the failing tests here, per step
const failuresFile = join(ROOT, 'tmp', 'test-failures.txt');
mkdirSync(join(ROOT, 'tmp'), { recursive: true });
process.env.TG_TEST_FAILURES_FILE = failuresFile;

const results = [];
for (const [name, step] of steps) {
  console.log(`\n━━━ ${name} ━━━`);
  rmSync(failuresFile, { force: true });
  const started = Date.now();
  const code = await step();
  results.push({ name, code, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (code !== 0) break;
}

console.log('\n━━━ summary ━━━');
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(30)} ${r.seconds}s`);
if (!process.env.TEST_REDIS_URL)
  console.log('note  replicas sharing Redis (Socket.IO fan-out, rate limits) skipped: set TEST_REDIS_URL=redis://127.0.0.1:6379 to run it');
if (!mysqlUrl)
  console.log('note  integration on MySQL skipped: set TEST_DATABASE_URL=mariadb://root@127.0.0.1:3306/test (MariaDB; mysql://… for MySQL 8) to run it');
if (existsSync(failuresFile) && results.at(-1)?.code !== 0) {
  console.log(`\n━━━ failed in ${results.at(-1).name} ━━━`);
  console.log(readFileSync(failuresFile, 'utf8').trimEnd());
}
const failed = results.some((r) => r.code !== 0) || results.length < steps.length;
process.exit(failed ? 1 : 0);
