#!/usr/bin/env node
// Team analytics at scale (not a test): seeds a dedicated MariaDB/MySQL database migrated by the built api
// (conversations, messages, the analytics status log), lets the api build its rollups from the source tables
// (the background build on first start, timed), then measures GET /api/analytics/overview through the real
// HTTP api for several ranges and filters, as an admin and as an agent, next to a baseline measured in the
// same run (GET /api/health: the same stack doing one SELECT 1). Writes its section of docs/PERFORMANCE.md.
//
//   npx nx build api && npx nx build meta-sim
//   node tools/bench/src/analytics-bench.mjs [--conversations=100000] [--messages=1000000] [--agents=50]
//        [--channels=2] [--requests=40] [--warmups=3] [--batch=5000] [--keep] [--reuse] [--db=tg_bench_analytics]
//        [--perf-file=docs/PERFORMANCE.md] [--rebuild-timeout-s=3600] [--api-port=3931] [--sim-port=3932]
//   --reuse: measure the database a `--keep` run left (no reseeding; sizes read from it). The rollups are
//   still rebuilt by the api's first-start build, so a newer api's migrations and rollup tables apply.
//   --keep-rollups (with --reuse): keep the rollups the earlier run built (no ~10-minute rebuild at 100k / 1M);
//   only valid when the new api build changes how the overview reads, not what the rollups hold.
//   BENCH_DB_URL=mysql://root@127.0.0.1:3306 (default)
//
// Loopback only; every loop is bounded; the database is dropped at the end unless --keep.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import bcrypt from 'bcryptjs';
import mysql from 'mysql2/promise';
import { flags, launch, launchApi, load, login, machine, ROOT, sleep, stop, summarize } from './bench-lib.mjs';

const opts = flags();
const SERVER_URL = (process.env.BENCH_DB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const DB = String(opts.db ?? 'tg_bench_analytics');
const CONVERSATIONS = Number(opts.conversations ?? 100_000);
const MESSAGES = Number(opts.messages ?? 1_000_000);
const AGENTS = Number(opts.agents ?? 50);
const CHANNELS = Number(opts.channels ?? 2);
const REQUESTS = Number(opts.requests ?? 40);
const WARMUPS = Number(opts.warmups ?? 3);
const REUSE = Boolean(opts.reuse);
const KEEP_ROLLUPS = REUSE && Boolean(opts['keep-rollups']);
const BATCH = Number(opts.batch ?? 5000);
const KEEP = Boolean(opts.keep);
const PERF_FILE = resolve(ROOT, String(opts['perf-file'] ?? 'docs/PERFORMANCE.md'));
const REBUILD_TIMEOUT_MS = Number(opts['rebuild-timeout-s'] ?? 3600) * 1000;
const PORTS = { api: Number(opts['api-port'] ?? 3931), sim: Number(opts['sim-port'] ?? 3932) };
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' };
const AGENT_PASSWORD = 'bench-agent-password';
const BUDGET_P95_MS = 200;
const DAY = 86_400_000;
const HOUR = 3_600_000;

let idSeq = 0;
const idPrefix = randomBytes(4).toString('hex');
/** Time-ordered ids in the UUID text format (appends to the clustered index). */
function orderedId() {
  idSeq += 1;
  const h = idSeq.toString(16).padStart(15, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-8${idPrefix.slice(0, 3)}-${idPrefix}${randomBytes(2).toString('hex')}`;
}
const dt = (ms) => new Date(ms);

/** `columns`: space-separated names. */
async function insertBatches(conn, table, columns, rows) {
  const sql = `INSERT INTO ${table} (${columns.split(' ').join(',')}) VALUES ?`;
  for (let i = 0; i < rows.length; i += BATCH) await conn.query(sql, [rows.slice(i, i + BATCH)]);
}

/** A year of conversations (recent ones denser), alternating customer/agent messages with realistic gaps, a third resolved. */
async function seed(q, channels, agentIds) {
  const now = Date.now();
  const started = Date.now();
  const perConversation = Math.max(1, Math.round(MESSAGES / CONVERSATIONS));
  let contacts = [];
  let conversations = [];
  let messages = [];
  let statuses = [];
  let seq = 0;
  const flush = async (force) => {
    if (!force && messages.length < BATCH) return;
    await insertBatches(q, 'contacts', 'id channel_id platform external_id display_name name username created_at updated_at', contacts);
    await insertBatches(
      q,
      'conversations',
      'id channel_id platform contact_id customer_external_id status assignee_id unread_count last_message_at last_message_preview last_message_direction last_customer_message_at created_at updated_at',
      conversations,
    );
    await insertBatches(
      q,
      'messages',
      'id conversation_id channel_id platform mid direction status source sender_user_id text sent_at created_at updated_at',
      messages,
    );
    if (statuses.length) await insertBatches(q, 'analytics_status_changes', 'conversation_id status changed_at', statuses);
    contacts = [];
    conversations = [];
    messages = [];
    statuses = [];
  };
  await q.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  for (let i = 0; i < CONVERSATIONS; i += 1) {
    const channel = channels[i % channels.length];
    const contactId = orderedId();
    const conversationId = orderedId();
    const assignee = Math.random() < 0.25 ? null : agentIds[Math.floor(agentIds.length * Math.random() ** 1.5)];
    const resolved = Math.random() < 0.35;
    const n = i < CONVERSATIONS - 1 ? perConversation : Math.max(1, MESSAGES - seq);
    let at = now - Math.floor(365 * DAY * Math.random() ** 3) - n * 2 * HOUR;
    const first = at;
    let lastCustomer = at;
    let lastDir = 'inbound';
    contacts.push([
      contactId,
      channel.id,
      channel.platform,
      String(8_000_000_000_000_000 + i),
      `Customer ${i}`,
      `Customer ${i}`,
      `customer_${i}`,
      dt(at),
      dt(at),
    ]);
    for (let k = 0; k < n; k += 1) {
      seq += 1;
      const inbound = k % 2 === 0;
      messages.push([
        orderedId(),
        conversationId,
        channel.id,
        channel.platform,
        `m_analytics_${seq}`,
        inbound ? 'inbound' : 'outbound',
        inbound ? 'received' : 'delivered',
        inbound ? 'customer' : 'agent',
        inbound ? null : (assignee ?? agentIds[0]),
        `message ${seq}`,
        dt(at),
        dt(at),
        dt(at),
      ]);
      if (inbound) lastCustomer = at;
      lastDir = inbound ? 'inbound' : 'outbound';
      at += Math.floor(Math.random() * (inbound ? 6 * HOUR : 2 * HOUR)) + 60_000;
    }
    if (resolved) statuses.push([conversationId, 'resolved', dt(at)]);
    conversations.push([
      conversationId,
      channel.id,
      channel.platform,
      contactId,
      String(8_000_000_000_000_000 + i),
      resolved ? 'resolved' : 'open',
      assignee,
      0,
      dt(at),
      'message',
      lastDir,
      dt(lastCustomer),
      dt(first),
      dt(at),
    ]);
    await flush(false);
    if (i > 0 && i % 20_000 === 0)
      process.stdout.write(`  seeded ${i} conversations, ${seq} messages (${Math.round((Date.now() - started) / 1000)} s, load ${load()})\n`);
  }
  await flush(true);
  await q.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  for (const t of ['contacts', 'conversations', 'messages', 'analytics_status_changes']) await q.query(`ANALYZE TABLE ${t}`);
  return { seconds: Math.round((Date.now() - started) / 100) / 10, messages: seq };
}

/** What a `--keep` run left: its channels (the first --channels that have conversations) and sizes. */
async function reusedData(q, results) {
  const [channels] = await q.query(
    'SELECT channel_id AS id, MIN(platform) AS platform FROM conversations GROUP BY channel_id ORDER BY MIN(platform), channel_id',
  );
  if (!channels.length) throw new Error(`--reuse: database ${DB} has no conversations (run once with --keep first)`);
  const [[sizes]] = await q.query(
    "SELECT (SELECT COUNT(*) FROM conversations) AS conversations, (SELECT COUNT(*) FROM messages) AS messages, (SELECT COUNT(*) FROM users WHERE email LIKE 'agent%@bench.test') AS agents",
  );
  Object.assign(results.sizes, {
    conversations: Number(sizes.conversations),
    messages: Number(sizes.messages),
    agents: Number(sizes.agents),
    channels: channels.length,
  });
  process.stdout.write(`reusing ${DB}: ${JSON.stringify(results.sizes)}\n`);
  return channels.slice(0, CHANNELS);
}

async function timed(url, token) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.text();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.status, body };
}

async function measure(url, token) {
  // warm-ups: the first requests of a case pay for cold pages and the api's per-range caches
  for (let i = 0; i < WARMUPS; i += 1) await timed(url, token);
  const samples = [];
  let status = 0;
  for (let i = 0; i < REQUESTS; i += 1) {
    const r = await timed(url, token);
    status = r.status;
    samples.push(r.ms);
  }
  return { status, ...summarize(samples) };
}

const localDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function section(results) {
  const rows = results.endpoints.map(
    (e) =>
      `| ${e.name} | ${e.role} | ${e.status} | ${e.p50} | ${e.p95} | ${e.p99} | ${e.name.startsWith('baseline') ? '' : e.p95 < BUDGET_P95_MS ? 'yes' : '**no**'} |`,
  );
  return [
    '<!-- analytics-bench:start -->',
    '### Latest run',
    '',
    `Run ${results.at} on ${results.machine}; load before ${results.loadBefore}, after ${results.loadAfter}.`,
    `Data: ${results.sizes.conversations} conversations, ${results.sizes.messages} messages, ${results.sizes.agents} agents over ${results.sizes.channels} channels (a year, recent days denser; about a third resolved).`,
    `${results.rebuildSeconds === null ? 'Rollups kept from an earlier build of the same data (`--keep-rollups`)' : `Rollups built from the source tables by the api's first-start build in ${results.rebuildSeconds} s`} (${results.rollups.cycles} cycles, ${results.rollups.buckets} per-conversation 15-minute buckets, ${results.rollups.totals} / ${results.rollups.daily} / ${results.rollups.perChannel} rows of 15-minute / daily / per-channel message totals).`,
    `${REQUESTS} sequential requests per row after ${WARMUPS} warm-up requests; times in ms, measured by the client over loopback HTTP. Budget: p95 < ${BUDGET_P95_MS} ms.`,
    '',
    '| request | role | status | p50 | p95 | p99 | p95 within budget |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'The overview reads only the analytics rollups (`analytics_conversation_cycles`, the `analytics_message_*totals`; with a label filter',
    '`analytics_message_buckets`), the comments counts and, for "live now", the folder counters of the inbox and the longest-waiting `conversations`; it never reads `messages`.',
    '<!-- analytics-bench:end -->',
  ].join('\n');
}

function writeSection(results) {
  let doc = '';
  try {
    doc = readFileSync(PERF_FILE, 'utf8');
  } catch {
    doc = '# Performance\n';
  }
  const text = section(results);
  const re = /<!-- analytics-bench:start -->[\s\S]*<!-- analytics-bench:end -->/;
  writeFileSync(PERF_FILE, re.test(doc) ? doc.replace(re, text) : `${doc.trimEnd()}\n\n${text}\n`);
  process.stdout.write(`wrote the analytics section of ${PERF_FILE}\n`);
}

async function main() {
  const admin = await mysql.createConnection({ uri: SERVER_URL });
  if (!REUSE) {
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const [[version]] = await admin.query('SELECT VERSION() AS v');
  const dbUrl = `${SERVER_URL}/${DB}`;
  const q = await mysql.createConnection({ uri: dbUrl });
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-analytics-'));
  const base = `http://127.0.0.1:${PORTS.api}`;
  const apiEnv = {
    NODE_ENV: 'production',
    APP_MODE: 'sandbox',
    API_HOST: '127.0.0.1',
    API_PORT: String(PORTS.api),
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl.replace(/^mysql:/, 'mariadb:'),
    META_SIM_URL: `http://127.0.0.1:${PORTS.sim}`,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WEBHOOK_WORKER_ENABLED: 'false',
    INSIGHTS_SYNC_ENABLED: 'false',
    COMMENTS_BACKFILL_ON_CONNECT: 'false',
  };
  const results = {
    at: new Date().toISOString(),
    machine: machine(version.v),
    sizes: { conversations: CONVERSATIONS, messages: MESSAGES, agents: AGENTS, channels: CHANNELS },
    loadBefore: load(),
  };
  let sim;
  let api;
  try {
    sim = await launch(
      join(ROOT, 'dist/tools/meta-sim/main.js'),
      { META_SIM_PORT: String(PORTS.sim), META_SIM_WEBHOOK_INSTAGRAM_URL: 'http://127.0.0.1:9/none', META_SIM_WEBHOOK_FACEBOOK_URL: 'http://127.0.0.1:9/none' },
      `http://127.0.0.1:${PORTS.sim}/_sim`,
    );
    let channels;
    if (REUSE) channels = await reusedData(q, results);
    else {
      process.stdout.write('migrating + connecting the sandbox channels (first api boot)…\n');
      api = await launchApi(apiEnv, `${base}/api/health`);
      channels = [];
      for (let i = 0; i < 150 && channels.length < CHANNELS; i += 1) {
        const [fb] = await q.query(`SELECT id, 'FACEBOOK' AS platform FROM facebook_pages`);
        const [ig] = await q.query(`SELECT id, 'INSTAGRAM' AS platform FROM instagram_accounts`);
        channels = [...fb, ...ig].slice(0, CHANNELS);
        if (channels.length < CHANNELS) await sleep(200);
      }
      if (!channels.length) throw new Error('no channel connected by the sandbox bootstrap');
      await stop(api);
      api = undefined;
      results.sizes.channels = channels.length;

      const hash = bcrypt.hashSync(AGENT_PASSWORD, 10);
      const agentIds = Array.from({ length: AGENTS }, () => orderedId());
      const now = new Date();
      if (agentIds.length)
        await q.query('INSERT INTO users (id, email, name, role, active, password_hash, created_at, updated_at) VALUES ?', [
          agentIds.map((id, i) => [id, `agent${i}@bench.test`, `Agent ${i}`, 'AGENT', 1, hash, now, now]),
        ]);
      process.stdout.write(`seeding ${CONVERSATIONS} conversations / ${MESSAGES} messages…\n`);
      results.seed = await seed(q, channels, agentIds);
      results.sizes.messages = results.seed.messages;
    }
    // the first boot built empty rollups (or a reused database has older ones): forget them, so the next start builds them over the data
    if (!KEEP_ROLLUPS) await q.query('DELETE FROM analytics_settings');

    const buildStarted = Date.now();
    api = await launchApi(apiEnv, `${base}/api/health`);
    for (;;) {
      const [[row]] = await q.query('SELECT rebuilt_at AS at FROM analytics_settings WHERE `key` = ?', ['workspace']);
      if (row?.at) break;
      if (Date.now() - buildStarted > REBUILD_TIMEOUT_MS) throw new Error('the rollup build did not finish in time (--rebuild-timeout-s)');
      await sleep(1000);
    }
    results.rebuildSeconds = KEEP_ROLLUPS ? null : Math.round((Date.now() - buildStarted) / 100) / 10;
    const [[counts]] = await q.query(
      'SELECT (SELECT COUNT(*) FROM analytics_conversation_cycles) AS cycles, (SELECT COUNT(*) FROM analytics_message_buckets) AS buckets, (SELECT COUNT(*) FROM analytics_message_totals) AS totals, (SELECT COUNT(*) FROM analytics_message_daily_totals) AS daily, (SELECT COUNT(*) FROM analytics_message_channel_totals) AS perChannel',
    );
    results.rollups = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
    process.stdout.write(`  rollups ${KEEP_ROLLUPS ? 'kept' : `built in ${results.rebuildSeconds} s`}: ${JSON.stringify(results.rollups)}\n`);

    const adminToken = await login(base, ADMIN.email, ADMIN.password);
    const agentToken = await login(base, 'agent0@bench.test', AGENT_PASSWORD);
    const today = Date.now();
    const range = (days) => `from=${localDay(today - (days - 1) * DAY)}&to=${localDay(today)}&tz=Europe/Berlin`;
    const endpoints = [
      { name: 'baseline: GET /api/health', path: '/api/health' },
      { name: 'overview, 7 days', path: `/api/analytics/overview?${range(7)}` },
      { name: 'overview, 28 days', path: `/api/analytics/overview?${range(28)}` },
      { name: 'overview, 90 days', path: `/api/analytics/overview?${range(90)}` },
      { name: 'overview, 366 days', path: `/api/analytics/overview?${range(366)}` },
      { name: 'overview, 28 days, one channel', path: `/api/analytics/overview?${range(28)}&channelId=${channels[0].id}` },
      { name: 'overview, 28 days, Instagram', path: `/api/analytics/overview?${range(28)}&platform=INSTAGRAM` },
      { name: 'agents table as CSV, 28 days', path: `/api/analytics/agents?${range(28)}&format=csv` },
    ];
    results.endpoints = [];
    for (const e of endpoints) {
      for (const [role, token] of [
        ['admin', adminToken],
        ['agent', agentToken],
      ]) {
        const r = await measure(`${base}${e.path}`, token);
        results.endpoints.push({ name: e.name, role, path: e.path, ...r });
        process.stdout.write(`  ${e.name} [${role}] status ${r.status}: p50 ${r.p50} ms p95 ${r.p95} ms\n`);
      }
    }
    results.loadAfter = load();
  } finally {
    await stop(api);
    await stop(sim);
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await q.end();
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeSection(results);
  process.stdout.write(`\nJSON ${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
