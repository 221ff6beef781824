// Shared helpers of the benchmarks (process start/stop, HTTP JSON, signing, percentiles). Same behaviour
// as the inline helpers of ingest-bench.mjs, factored out for the latency and inbox-scale benchmarks.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_ARGS } from '../../scripts/lib/run.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The simulator's app secret (sandbox default), which the sandbox api uses to check X-Hub-Signature-256. */
export const SIM_APP_SECRET = 'sim-app-secret-4f8a2c91d7b3e650';
export const SIM_PAGE_ID = '104825791234560';
export const SIM_IG_ACCOUNT = '17841400000000001';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
export const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
export const sign = (payload, secret = SIM_APP_SECRET) => `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: round(pct(s, 50), 2), p95: round(pct(s, 95), 2), p99: round(pct(s, 99), 2), max: round(s[s.length - 1] ?? NaN, 2) };
}

export function machine(extra = '') {
  return `${cpus().length} × ${cpus()[0]?.model.trim()}, ${round(totalmem() / 2 ** 30, 0)} GB RAM, Node ${process.version}${extra ? `, ${extra}` : ''}`;
}

export const load = () =>
  loadavg()
    .map((n) => round(n, 2))
    .join(' ');

/** Parses `--name=value` / `--flag` arguments. */
export function flags(argv = process.argv.slice(2)) {
  const out = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) out[m[1]] = m[2] ?? true;
  }
  return out;
}

/**
 * Starts a node script with only PATH inherited; resolves once readyUrl answers below 500. stdout goes to `onStdout`, or with
 * `logFile` stdout and stderr are appended to that file; otherwise stdout is dropped. `nodeArgs`: options for node itself
 * (e.g. `--require` of a profiler; NODE_OPTIONS refuses some of them).
 */
export function launch(file, env, readyUrl, { onStdout, nodeArgs = [], logFile = '' } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', logFile ? 'pipe' : 'inherit'],
  });
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
  } else if (onStdout) child.stdout.on('data', onStdout);
  else child.stdout.resume();
  return waitHttp(readyUrl, 60_000).then(() => child);
}

/** {@link launch} of the built api with the node options it runs with in production; `nodeArgs` come after them. */
export function launchApi(env, readyUrl, options = {}) {
  return launch(join(ROOT, 'dist/apps/api/main.js'), env, readyUrl, { ...options, nodeArgs: [...API_NODE_ARGS, ...(options.nodeArgs ?? [])] });
}

export async function waitHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer`);
}

export function stop(child) {
  return new Promise((done) => {
    if (!child || child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export async function login(apiBase, email, password) {
  const res = await fetch(`${apiBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return body.accessToken;
}

/**
 * CPU time (user + system, seconds) a process has used so far, from /proc (Linux; null elsewhere). CPU per request is
 * steadier than latency on a shared 2-core machine: it does not count the time a process waited for a core.
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] and [12] are utime and stime (14th and 15th of the whole line), in clock ticks of 1/100 s
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The pid of the local MariaDB/MySQL server (its CPU is part of what a webhook costs), or null. */
export function databasePid() {
  let entries;
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null; // not Linux
  }
  for (const entry of entries) {
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}
