// Preload (`node --require`): whether the event loop's long gaps are the main thread running other work or the process
// waiting for a core. A 1 ms interval timer notes every gap over LOOP_GAP_MS (12) between two of its ticks with the CPU
// the process used meanwhile (all threads: GC helpers count too); once a second it appends `gap/cpu` pairs in ms to
// LOOP_GAPS_LOG (/tmp/loop-gaps.log). A gap with about as much CPU is a long task; one with little, a wait for a core.
//
//   BENCH_API_NODE_ARGS='--require ./tools/bench/src/diag/loop-gaps.cjs' node tools/bench/src/ingest-bench.mjs
const fs = require('node:fs');

const log = process.env.LOOP_GAPS_LOG || '/tmp/loop-gaps.log';
const threshold = Number(process.env.LOOP_GAP_MS || 12);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let lastAt = performance.now();
let lastCpu = cpuMs();
let gaps = [];

setInterval(() => {
  const at = performance.now();
  const cpu = cpuMs();
  if (at - lastAt > threshold) gaps.push(`${(at - lastAt).toFixed(0)}/${(cpu - lastCpu).toFixed(0)}`);
  lastAt = at;
  lastCpu = cpu;
}, 1).unref();

setInterval(() => {
  if (!gaps.length) return;
  fs.appendFileSync(log, `${process.pid} ${new Date().toISOString()} ${gaps.join(' ')}\n`);
  gaps = [];
}, 1000).unref();
