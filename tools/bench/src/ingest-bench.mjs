#!/usr/bin/env node
// Ingestion benchmark (not a test): signed single-message Instagram webhooks against the built api on
// local MariaDB/MySQL, compared in the same run with a raw baseline (baseline-server.mjs).
//
//   npx nx build api && npx nx build meta-sim
//   node tools/bench/src/ingest-bench.mjs            # BENCH_DB_URL=mysql://root@127.0.0.1:3306 by default
//   BENCH_API_LOG=/tmp/api.log BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node tools/bench/src/ingest-bench.mjs
//   BENCH_TRACE=/tmp/acks.json node tools/bench/src/ingest-bench.mjs   # every fixed-rate request: [sent at (ms into the phase), latency ms]
//
// Phases: (1) ack throughput at saturation, baseline vs api (receiver only: worker off);
// (2) ack latency at a fixed 1,000 req/s, baseline vs api; (3) processing: the backlog drained by the
// worker (webhooks fully applied per second); (4) 1,000 req/s with the worker on: ack latency and
// processing lag (received_at → processed_at) p50/p99. Loopback only; every loop is bounded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { ROOT, SIM_APP_SECRET, cpuSeconds, databasePid, launch, launchApi, sign, stop } from './bench-lib.mjs';
import { rawHttpClient } from './raw-http-client.mjs';

const SERVER_URL = (process.env.BENCH_DB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const DB = process.env.BENCH_DB_NAME ?? 'tg_bench';
const IG_ACCOUNT = '17841400000000001';
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 8);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const CUSTOMERS = 500;
// phase 4 runs in the process restarted for the drain: its receiving path gets a warm-up at the phase's rate first, like
// the processes of phases 1–2 (0 = none, as before 2026-12-06); the warm-up's acks are reported apart, not in the phase
const PHASE4_WARMUP_SECONDS = Number(process.env.BENCH_PHASE4_WARMUP_SECONDS ?? 2);
// profiling: the api's stdout/stderr appended to this file (LOG_LEVEL from BENCH_API_LOG_LEVEL), extra node flags for it
const API_LOG = process.env.BENCH_API_LOG ?? '';
const API_LOG_LEVEL = process.env.BENCH_API_LOG_LEVEL ?? 'warn';
const BENCH_API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
// where in a phase the acks' tail comes from: each fixed-rate request's send time and latency (-1: failed), per phase
const TRACE_FILE = process.env.BENCH_TRACE ?? '';
const traces = {};

let seq = 0;

function body() {
  seq += 1;
  const now = Date.now();
  const customer = String(6543210987000000 + (seq % CUSTOMERS));
  return JSON.stringify({
    object: 'instagram',
    entry: [
      {
        id: IG_ACCOUNT,
        time: now,
        messaging: [
          {
            sender: { id: customer },
            recipient: { id: IG_ACCOUNT },
            timestamp: now,
            message: { mid: `bench_${process.pid}_${seq}`, text: `Bench message ${seq} — is the blue one in stock?` },
          },
        ],
      },
    ],
  });
}

const clients = new Map();

function post(port, path) {
  const payload = body();
  const signature = sign(payload);
  const started = process.hrtime.bigint();
  if (!clients.has(port)) clients.set(port, rawHttpClient({ port, connections: CONCURRENCY }));
  return clients
    .get(port)
    .post(path, { 'content-type': 'application/json', 'x-hub-signature-256': signature }, payload)
    .then(({ status }) => ({ ok: status === 200, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function saturate(port, path, seconds) {
  const deadline = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const r = await post(port, path);
      if (r.ok) ok += 1;
      else failed += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { perSecond: ok / ((Date.now() - started) / 1000), ok, failed };
}

async function fixedRate(port, path, rate, seconds, phase) {
  const total = rate * seconds;
  const latencies = [];
  let failed = 0;
  const inflight = [];
  const trace = TRACE_FILE ? (traces[phase] = []) : null;
  const start = Date.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sentAt = Date.now() - start;
    inflight.push(
      post(port, path).then((r) => {
        if (r.ok) latencies.push(r.ms);
        else failed += 1;
        trace?.push([sentAt, r.ok ? r.ms : -1]);
      }),
    );
  }
  await Promise.all(inflight);
  const achieved = total / ((Date.now() - start) / 1000);
  latencies.sort((a, b) => a - b);
  return { achieved, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies[latencies.length - 1], failed };
}

/** Waits (at most 2 minutes) until the worker has applied every delivery after `afterId`. */
async function untilApplied(q, afterId) {
  for (let i = 0; i < 600; i += 1) {
    const [[row]] = await q.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE id > ? AND status IN ('pending','processing','failed')`, [afterId]);
    if (Number(row.n) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `phase` and adds the CPU seconds each named process used meanwhile (`cpu`), when /proc tells. */
async function withCpu(pids, phase) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const result = await phase();
  const cpu = {};
  for (const [name, pid] of Object.entries(pids)) {
    const after = cpuSeconds(pid);
    cpu[name] = before[name] === null || after === null ? null : after - before[name];
  }
  return { ...result, cpu };
}

/** CPU milliseconds per item, or '?' without /proc. */
const perItem = (seconds, items) => (seconds === null || seconds === undefined || !items ? '?' : round((seconds * 1000) / items, 3));

const startApi = (env, readyUrl) => launchApi(env, readyUrl, { nodeArgs: BENCH_API_NODE_ARGS, logFile: API_LOG });

async function main() {
  const admin = await mysql.createConnection({ uri: SERVER_URL });
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[version]] = await admin.query('SELECT VERSION() AS v');
  const dbUrl = `${SERVER_URL}/${DB}`;
  const q = await mysql.createConnection({ uri: dbUrl });
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-'));
  const dbPid = databasePid();
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 3900);
  const ports = { sim: portBase + 2, api: portBase + 1, baseline: portBase + 3 };

  const sim = await launch(
    join(ROOT, 'dist/tools/meta-sim/main.js'),
    { META_SIM_PORT: String(ports.sim), META_SIM_WEBHOOK_INSTAGRAM_URL: 'http://127.0.0.1:9/none', META_SIM_WEBHOOK_FACEBOOK_URL: 'http://127.0.0.1:9/none' },
    `http://127.0.0.1:${ports.sim}/_sim`,
  );
  const apiEnv = (worker) => ({
    NODE_ENV: 'production',
    APP_MODE: 'sandbox',
    API_HOST: '127.0.0.1',
    API_PORT: String(ports.api),
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl.replace(/^mysql:/, 'mariadb:'),
    META_SIM_URL: `http://127.0.0.1:${ports.sim}`,
    LOG_LEVEL: API_LOG_LEVEL,
    WEBHOOK_WORKER_ENABLED: String(worker),
    WEBHOOK_CLAIM_BATCH: process.env.BENCH_CLAIM_BATCH ?? '50',
    WEBHOOK_POLL_INTERVAL_MS: '20',
    // one client address sends everything here: measure capacity, not the per-IP budget
    WEBHOOK_RATE_LIMIT_PER_SECOND: '0',
    // unset: the api's default (4)
    ...(process.env.BENCH_WORKERS ? { WEBHOOK_WORKER_CONCURRENCY: process.env.BENCH_WORKERS } : {}),
    ...(process.env.BENCH_STORE_COALESCE_MS ? { WEBHOOK_STORE_COALESCE_MS: process.env.BENCH_STORE_COALESCE_MS } : {}),
  });
  const results = {};
  try {
    // channels connected once (sandbox bootstrap), then the receiver-only api
    let api = await startApi(apiEnv(false), `http://127.0.0.1:${ports.api}/api/health`);
    for (let i = 0; i < 100; i += 1) {
      const [[row]] = await q.query('SELECT COUNT(*) AS n FROM instagram_accounts');
      if (Number(row.n) > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const baseline = await launch(
      join(ROOT, 'tools/bench/src/baseline-server.mjs'),
      { BASELINE_PORT: String(ports.baseline), BASELINE_DB_URL: dbUrl, APP_SECRET: SIM_APP_SECRET },
      `http://127.0.0.1:${ports.baseline}/`,
    );

    // warm-up
    await saturate(ports.baseline, '/', 1);
    await saturate(ports.api, '/webhooks/instagram', 1);

    process.stdout.write('phase 1: saturation…\n');
    results.baselineSaturation = await withCpu({ server: baseline.pid, db: dbPid }, () => saturate(ports.baseline, '/', SATURATION_SECONDS));
    results.apiSaturation = await withCpu({ server: api.pid, db: dbPid }, () => saturate(ports.api, '/webhooks/instagram', SATURATION_SECONDS));

    process.stdout.write(`phase 2: ${RATE} req/s…\n`);
    results.baselineRate = await withCpu({ server: baseline.pid, db: dbPid }, () => fixedRate(ports.baseline, '/', RATE, RATE_SECONDS, 'baselineRate'));
    results.apiRate = await withCpu({ server: api.pid, db: dbPid }, () => fixedRate(ports.api, '/webhooks/instagram', RATE, RATE_SECONDS, 'apiRate'));
    await stop(baseline);
    await stop(api);

    process.stdout.write('phase 3: draining the backlog…\n');
    const [[backlog]] = await q.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'pending'`);
    const drainStart = Date.now();
    const dbCpuBefore = cpuSeconds(dbPid);
    api = await startApi(apiEnv(true), `http://127.0.0.1:${ports.api}/api/health`);
    const drainDeadline = Date.now() + 600_000;
    let remaining = Number(backlog.n);
    while (remaining > 0 && Date.now() < drainDeadline) {
      await new Promise((r) => setTimeout(r, 500));
      const [[row]] = await q.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing','failed')`);
      remaining = Number(row.n);
    }
    const [[span]] = await q.query(
      `SELECT COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(processed_at), MAX(processed_at)) / 1e6 AS seconds FROM webhook_events WHERE status = 'processed'`,
    );
    const drainCpu = { api: cpuSeconds(api.pid), db: dbCpuBefore === null ? null : cpuSeconds(dbPid) - dbCpuBefore };
    const [[bad]] = await q.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('failed','dead')`);
    const [[msgs]] = await q.query(`SELECT COUNT(*) AS n FROM messages`);
    results.drain = {
      backlog: Number(backlog.n),
      processed: Number(span.n),
      seconds: Number(span.seconds),
      perSecond: Number(span.n) / Number(span.seconds),
      wallSeconds: (Date.now() - drainStart) / 1000,
      failedOrDead: Number(bad.n),
      messages: Number(msgs.n),
      // the api's CPU includes its boot (~1–2 s), counted against the drain
      cpu: drainCpu,
    };

    if (PHASE4_WARMUP_SECONDS > 0) {
      process.stdout.write(`phase 4 warm-up: ${RATE} req/s for ${PHASE4_WARMUP_SECONDS} s, then until applied…\n`);
      results.phase4Warmup = await fixedRate(ports.api, '/webhooks/instagram', RATE, PHASE4_WARMUP_SECONDS, 'phase4Warmup');
      await untilApplied(q, 0);
    }
    process.stdout.write(`phase 4: ${RATE} req/s with the worker on…\n`);
    const [[mark]] = await q.query('SELECT COALESCE(MAX(id), 0) AS id FROM webhook_events');
    results.apiRateWithWorker = await withCpu({ api: api.pid, db: dbPid, generator: process.pid }, async () => {
      const acked = await fixedRate(ports.api, '/webhooks/instagram', RATE, RATE_SECONDS, 'apiRateWithWorker');
      await untilApplied(q, mark.id);
      return acked;
    });
    const [lags] = await q.query(
      `SELECT TIMESTAMPDIFF(MICROSECOND, received_at, processed_at) / 1000 AS ms FROM webhook_events WHERE id > ? AND processed_at IS NOT NULL ORDER BY ms`,
      [mark.id],
    );
    const lagMs = lags.map((r) => Number(r.ms));
    const [[window]] = await q.query(
      `SELECT COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(processed_at), MAX(processed_at)) / 1e6 AS seconds FROM webhook_events WHERE id > ?`,
      [mark.id],
    );
    const [[lagBad]] = await q.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE id > ? AND status IN ('failed','dead')`, [mark.id]);
    results.lag = {
      failedOrDead: Number(lagBad.n),
      events: lagMs.length,
      p50: pct(lagMs, 50),
      p99: pct(lagMs, 99),
      max: lagMs[lagMs.length - 1],
      appliedPerSecond: Number(window.n) / Number(window.seconds),
    };
    await stop(api);
  } finally {
    await stop(sim);
    await q.end();
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
    for (const client of clients.values()) client.close();
  }

  const r = results;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${round(totalmem() / 2 ** 30, 0)} GB RAM, Node ${process.version}, ${version.v}`;
  const lines = [
    `machine: ${machine}`,
    `ack throughput at saturation (${CONCURRENCY} connections, ${SATURATION_SECONDS} s): baseline ${round(r.baselineSaturation.perSecond, 0)}/s, api ${round(r.apiSaturation.perSecond, 0)}/s → ratio ${round(r.apiSaturation.perSecond / r.baselineSaturation.perSecond, 2)} (failed: ${r.baselineSaturation.failed} / ${r.apiSaturation.failed})`,
    `ack latency at ${RATE} req/s (${RATE_SECONDS} s): baseline p50 ${round(r.baselineRate.p50, 2)} ms p99 ${round(r.baselineRate.p99, 2)} ms (achieved ${round(r.baselineRate.achieved, 0)}/s); api p50 ${round(r.apiRate.p50, 2)} ms p99 ${round(r.apiRate.p99, 2)} ms (achieved ${round(r.apiRate.achieved, 0)}/s, failed ${r.apiRate.failed})`,
    `processing (backlog of ${r.drain.backlog} drained): ${round(r.drain.perSecond, 0)} webhooks applied/s steady (${r.drain.processed} in ${round(r.drain.seconds, 1)} s), failed/dead ${r.drain.failedOrDead}, messages ${r.drain.messages}`,
    `CPU per webhook (ms; user + system, not waiting for a core): ack at saturation baseline ${perItem(r.baselineSaturation.cpu.server, r.baselineSaturation.ok)} + database ${perItem(r.baselineSaturation.cpu.db, r.baselineSaturation.ok)} / api ${perItem(r.apiSaturation.cpu.server, r.apiSaturation.ok)} + database ${perItem(r.apiSaturation.cpu.db, r.apiSaturation.ok)}; ack at ${RATE}/s baseline ${perItem(r.baselineRate.cpu.server, RATE * RATE_SECONDS)} + database ${perItem(r.baselineRate.cpu.db, RATE * RATE_SECONDS)} / api ${perItem(r.apiRate.cpu.server, RATE * RATE_SECONDS)} + database ${perItem(r.apiRate.cpu.db, RATE * RATE_SECONDS)}; drain api ${perItem(r.drain.cpu.api, r.drain.processed)} + database ${perItem(r.drain.cpu.db, r.drain.processed)}; worker on (ack + apply) api ${perItem(r.apiRateWithWorker.cpu.api, RATE * RATE_SECONDS)} + database ${perItem(r.apiRateWithWorker.cpu.db, RATE * RATE_SECONDS)} + this load generator ${perItem(r.apiRateWithWorker.cpu.generator, RATE * RATE_SECONDS)}`,
    ...(r.phase4Warmup
      ? [
          `phase 4 warm-up of the restarted process (${PHASE4_WARMUP_SECONDS} s at ${RATE} req/s with the worker on, not counted below): ack p50 ${round(r.phase4Warmup.p50, 2)} ms p99 ${round(r.phase4Warmup.p99, 2)} ms, failed ${r.phase4Warmup.failed}`,
        ]
      : []),
    `${RATE} req/s with the worker on: ack p50 ${round(r.apiRateWithWorker.p50, 2)} ms p99 ${round(r.apiRateWithWorker.p99, 2)} ms (achieved ${round(r.apiRateWithWorker.achieved, 0)}/s); lag ack→applied p50 ${round(r.lag.p50, 0)} ms p99 ${round(r.lag.p99, 0)} ms over ${r.lag.events} events (${round(r.lag.appliedPerSecond, 0)} applied/s)`,
  ];
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const ratio = r.apiSaturation.perSecond / r.baselineSaturation.perSecond;
  const allAcked = r.apiRateWithWorker.failed === 0 && r.apiRateWithWorker.achieved >= RATE * 0.99 && (r.phase4Warmup?.failed ?? 0) === 0;
  const targets = [
    `targets (issue 13; MariaDB, same machine, same run):`,
    `  ack throughput at saturation ≥ 0.5 × bare baseline: ${round(ratio, 2)} — ${verdict(ratio >= 0.5)}`,
    `  ack p99 < 20 ms at ${RATE} req/s: ${round(r.apiRate.p99, 2)} ms (baseline ${round(r.baselineRate.p99, 2)} ms) — ${verdict(r.apiRate.p99 < 20 && r.apiRate.failed === 0)}`,
    `  backlog drain ≥ 1,000 webhooks applied/s: ${round(r.drain.perSecond, 0)}/s, failed/dead ${r.drain.failedOrDead} — ${verdict(r.drain.perSecond >= 1000 && r.drain.failedOrDead === 0)}`,
    `  ${RATE} req/s with the worker on: all acked ${allAcked ? 'yes' : 'no'}, ack p99 ${round(r.apiRateWithWorker.p99, 2)} ms (< 50), lag p99 ${round(r.lag.p99, 0)} ms (< 2,000), failed/dead ${r.lag.failedOrDead} — ${verdict(allAcked && r.apiRateWithWorker.p99 < 50 && r.lag.p99 < 2000 && r.lag.failedOrDead === 0)}`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n${targets.join('\n')}\n`);
  process.stdout.write(`\nJSON ${JSON.stringify({ machine, ...results })}\n`);
  if (TRACE_FILE) writeFileSync(TRACE_FILE, JSON.stringify(traces));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
