#!/usr/bin/env node
// Webhook → agent socket latency (not a test): signed single-message Facebook webhooks POSTed to the built
// api's /webhooks/facebook, timed until a logged-in admin's socket.io client receives `message.created`
// for that mid. Idle, then under a second sender's background load; the same phases run against a raw
// baseline (socket-relay-baseline.mjs: node:http + socket.io relay, no database) in the same run.
//
//   npx nx build api && npx nx build meta-sim
//   node tools/bench/src/socket-latency-bench.mjs [--samples=300] [--rate=20] [--load=200 (0: idle only)] [--poll-ms=<api poll interval>] [--timeout-ms=60000] [--keep]
//     [--api-node-args="--require /path/profiler.cjs"] (node options for the api process, space-separated: e.g. a CPU profiler)
//   BENCH_DB_URL=mysql://root@127.0.0.1:3306 (default); database tg_bench_socket, dropped at the end unless --keep
//
// Loopback only; every loop is bounded (a probe not seen within --timeout-ms counts as lost).
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { io as connect } from 'socket.io-client';
import { flags, launch, launchApi, load, login, machine, ROOT, sign, SIM_PAGE_ID, sleep, stop, summarize } from './bench-lib.mjs';

const opts = flags();
const SERVER_URL = (process.env.BENCH_DB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const DB = String(opts.db ?? 'tg_bench_socket');
const SAMPLES = Number(opts.samples ?? 300);
const RATE = Number(opts.rate ?? 20);
const LOAD_RATE = Number(opts.load ?? 200);
const TIMEOUT_MS = Number(opts['timeout-ms'] ?? 60_000);
// --trace=<file>: every probe's send time in its phase and its latency, as JSON (where in a phase the tail comes from)
const TRACE = opts.trace ? [] : null;
const KEEP = Boolean(opts.keep);
// --workers=<n>: WEBHOOK_WORKER_CONCURRENCY of the api (its default when unset)
// --store-coalesce-ms=<n>: WEBHOOK_STORE_COALESCE_MS of the api (its default when unset)
const POLL_MS = opts['poll-ms'] === undefined ? undefined : String(opts['poll-ms']); // WEBHOOK_POLL_INTERVAL_MS of the api (its default when unset)
const PORTS = { api: Number(opts['api-port'] ?? 3931), sim: Number(opts['sim-port'] ?? 3932), baseline: Number(opts['baseline-port'] ?? 3933) };
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' };

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let seq = 0;

function webhook(kind, customers) {
  seq += 1;
  const now = Date.now();
  const mid = `m_bench_${kind}_${process.pid}_${seq}`;
  const customer = String(7_100_000_000_000_000 + (kind === 'probe' ? seq % customers : 1_000 + (seq % customers)));
  const payload = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: SIM_PAGE_ID,
        time: now,
        messaging: [
          {
            sender: { id: customer },
            recipient: { id: SIM_PAGE_ID },
            timestamp: now,
            message: { mid, text: `Bench ${kind} ${seq}: is the blue jacket still in stock?` },
          },
        ],
      },
    ],
  });
  return { mid, payload };
}

function post(port, path, payload) {
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-hub-signature-256': sign(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done({ ok: res.statusCode === 200, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on('error', () => done({ ok: false, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(payload);
  });
}

/** Sends `total` webhooks at `rate`/s (open loop); returns when all were answered. */
async function sender(port, path, kind, rate, total, customers, onSent) {
  const start = Date.now();
  const inflight = [];
  let failed = 0;
  for (let i = 0; i < total; i += 1) {
    const wait = start + (i * 1000) / rate - Date.now();
    if (wait > 1) await sleep(wait);
    const { mid, payload } = webhook(kind, customers);
    const sentAt = process.hrtime.bigint();
    onSent?.(mid, sentAt);
    inflight.push(
      post(port, path, payload).then((r) => {
        if (!r.ok) failed += 1;
        return r.ms;
      }),
    );
  }
  const acks = await Promise.all(inflight);
  return { achieved: total / ((Date.now() - start) / 1000), failed, ack: summarize(acks) };
}

/** One phase: SAMPLES probes at RATE/s, optionally with a background sender at loadRate/s for the same duration. */
async function phase(target, socket, loadRate) {
  const pending = new Map();
  const latencies = [];
  const started = process.hrtime.bigint();
  const onEvent = (payload) => {
    const t = pending.get(payload?.message?.mid);
    if (t === undefined) return;
    pending.delete(payload.message.mid);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    latencies.push(ms);
    TRACE?.push({ port: target.port, loadRate, sentMs: Number(t - started) / 1e6, ms });
  };
  socket.on('message.created', onEvent);
  const seconds = SAMPLES / RATE;
  const loadRun = loadRate > 0 ? sender(target.port, target.path, 'load', loadRate, Math.round(loadRate * seconds), 400) : Promise.resolve(null);
  const loadDuring = [];
  const loadTimer = setInterval(() => loadDuring.push(load()), 5000);
  const probes = await sender(target.port, target.path, 'probe', RATE, SAMPLES, 200, (mid, t) => pending.set(mid, t));
  const background = await loadRun;
  clearInterval(loadTimer);
  const deadline = Date.now() + TIMEOUT_MS;
  while (pending.size > 0 && Date.now() < deadline) await sleep(50);
  socket.off('message.created', onEvent);
  return {
    socket: summarize(latencies),
    lost: pending.size,
    probeAck: probes.ack,
    probeFailed: probes.failed,
    background: background && { achieved: Math.round(background.achieved), failed: background.failed, ack: background.ack },
    load: loadDuring.join(' | ') || load(),
  };
}

function socketFor(url, token) {
  return new Promise((resolve, reject) => {
    const s = connect(url, { transports: ['websocket'], auth: token ? { token } : undefined, reconnection: false });
    const timer = setTimeout(() => reject(new Error(`socket ${url} did not connect`)), 15_000);
    s.once('connect', () => {
      clearTimeout(timer);
      resolve(s);
    });
    s.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

async function main() {
  const admin = await mysql.createConnection({ uri: SERVER_URL });
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[version]] = await admin.query('SELECT VERSION() AS v');
  const dbUrl = `${SERVER_URL}/${DB}`;
  const q = await mysql.createConnection({ uri: dbUrl });
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-socket-'));
  const results = { machine: machine(version.v), samples: SAMPLES, rate: RATE, loadRate: LOAD_RATE, pollMs: POLL_MS ?? 'api default', loadBefore: load() };
  let sim;
  let api;
  let baseline;
  const sockets = [];
  try {
    sim = await launch(
      join(ROOT, 'dist/tools/meta-sim/main.js'),
      { META_SIM_PORT: String(PORTS.sim), META_SIM_WEBHOOK_INSTAGRAM_URL: 'http://127.0.0.1:9/none', META_SIM_WEBHOOK_FACEBOOK_URL: 'http://127.0.0.1:9/none' },
      `http://127.0.0.1:${PORTS.sim}/_sim`,
    );
    api = await launchApi(
      {
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
        ...(POLL_MS ? { WEBHOOK_POLL_INTERVAL_MS: POLL_MS } : {}),
        ...(opts.workers ? { WEBHOOK_WORKER_CONCURRENCY: String(opts.workers) } : {}),
        ...(opts['store-coalesce-ms'] === undefined ? {} : { WEBHOOK_STORE_COALESCE_MS: String(opts['store-coalesce-ms']) }),
        // one client address sends everything here: measure latency, not the per-IP budget
        WEBHOOK_RATE_LIMIT_PER_SECOND: '0',
      },
      `http://127.0.0.1:${PORTS.api}/api/health`,
      { nodeArgs: opts['api-node-args'] ? String(opts['api-node-args']).split(' ').filter(Boolean) : [], logFile: process.env.BENCH_API_LOG ?? '' },
    );
    for (let i = 0; i < 150; i += 1) {
      const [[row]] = await q.query('SELECT COUNT(*) AS n FROM facebook_pages WHERE page_id = ?', [SIM_PAGE_ID]);
      if (Number(row.n) > 0) break;
      await sleep(200);
    }
    baseline = await launch(
      join(ROOT, 'tools/bench/src/socket-relay-baseline.mjs'),
      { BASELINE_PORT: String(PORTS.baseline), APP_SECRET: (await import('./bench-lib.mjs')).SIM_APP_SECRET },
      `http://127.0.0.1:${PORTS.baseline}/`,
    );

    const token = await login(`http://127.0.0.1:${PORTS.api}`, ADMIN.email, ADMIN.password);
    const apiSocket = await socketFor(`http://127.0.0.1:${PORTS.api}`, token);
    const baseSocket = await socketFor(`http://127.0.0.1:${PORTS.baseline}`);
    sockets.push(apiSocket, baseSocket);
    const targets = { baseline: { port: PORTS.baseline, path: '/' }, api: { port: PORTS.api, path: '/webhooks/facebook' } };

    // warm-up: first messages create the contacts/conversations of the probe customers
    const warm = await phase(targets.api, apiSocket, 0).catch((e) => ({ error: String(e) }));
    results.warmup = warm;
    process.stdout.write(`warm-up (api): ${JSON.stringify(warm.socket)} lost ${warm.lost}\n`);
    for (const [name, load] of [
      ['idle', 0],
      [`${LOAD_RATE}/s background`, LOAD_RATE],
    ].filter(([, l], i) => i === 0 || l > 0)) {
      for (const which of ['baseline', 'api']) {
        process.stdout.write(`phase ${which} ${name}…\n`);
        const r = await phase(targets[which], which === 'api' ? apiSocket : baseSocket, load);
        results[`${which} ${name}`] = r;
        process.stdout.write(
          `  socket ${JSON.stringify(r.socket)} lost ${r.lost}; probe ack ${JSON.stringify(r.probeAck)}; background ${JSON.stringify(r.background)}; load ${r.load}\n`,
        );
      }
    }
  } finally {
    for (const s of sockets) s.close();
    await stop(baseline);
    await stop(api);
    await stop(sim);
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await q.end();
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
    agent.destroy();
  }
  const loaded = results[`api ${LOAD_RATE}/s background`];
  if (loaded?.socket) {
    const ok = loaded.socket.p99 < 100 && loaded.lost === 0;
    process.stdout.write(
      `\ntarget (issue 13): webhook → agent socket p99 < 100 ms with ${LOAD_RATE} webhooks/s in the background: p99 ${loaded.socket.p99} ms, lost ${loaded.lost} — ${ok ? 'met' : 'MISSED'}\n`,
    );
  }
  process.stdout.write(`\nJSON ${JSON.stringify(results)}\n`);
  if (TRACE) writeFileSync(opts.trace, JSON.stringify(TRACE));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
