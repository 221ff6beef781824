#!/usr/bin/env node
// A phase of the ingestion benchmark's trace (BENCH_TRACE) in windows: requests sent, p50 / p99 / max latency and failures
// per window — whether the acks' tail is spread over the phase or comes in bursts.
//
//   node tools/bench/src/diag/ack-trace-summary.mjs /tmp/acks.json [--phase=apiRateWithWorker] [--window-ms=250]
import { readFileSync } from 'node:fs';
import { flags, pct } from '../bench-lib.mjs';

const opts = flags();
const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: ack-trace-summary.mjs <trace.json> [--phase=apiRateWithWorker] [--window-ms=250]');
  process.exit(2);
}
const phase = String(opts.phase ?? 'apiRateWithWorker');
const windowMs = Number(opts['window-ms'] ?? 250);
const requests = JSON.parse(readFileSync(file, 'utf8'))[phase];
if (!requests) {
  console.error(`no phase ${phase} in ${file}`);
  process.exit(2);
}
const windows = new Map();
for (const [sentAt, ms] of requests) {
  const w = Math.floor(sentAt / windowMs);
  const x = windows.get(w) ?? { ok: [], failed: 0 };
  if (ms < 0) x.failed += 1;
  else x.ok.push(ms);
  windows.set(w, x);
}
console.log(`${phase}: ${requests.length} requests; per ${windowMs} ms window: sent, p50 / p99 / max ms, failed`);
for (const [w, x] of [...windows].sort((a, b) => a[0] - b[0])) {
  x.ok.sort((a, b) => a - b);
  const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  console.log(
    `${((w * windowMs) / 1000).toFixed(2).padStart(6)} s ${String(x.ok.length + x.failed).padStart(5)}  ${f(pct(x.ok, 50))} / ${f(pct(x.ok, 99))} / ${f(x.ok.at(-1))}${x.failed ? `  failed ${x.failed}` : ''}`,
  );
}
