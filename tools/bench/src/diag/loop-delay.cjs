// Preload (`node --require`): appends a line per second to LOOP_DELAY_LOG (/tmp/loop-delay.log) with the event loop's
// delay (how late a timer callback runs: the wait any callback, an ack's included, has behind the task running) —
// p50, p99 and max in ms — and the main thread's utilisation in that second.
//
//   BENCH_API_NODE_ARGS='--require ./tools/bench/src/diag/loop-delay.cjs' node tools/bench/src/ingest-bench.mjs
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const fs = require('node:fs');

const log = process.env.LOOP_DELAY_LOG || '/tmp/loop-delay.log';
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
let elu = performance.eventLoopUtilization();

setInterval(() => {
  const now = performance.eventLoopUtilization();
  const busy = performance.eventLoopUtilization(now, elu).utilization;
  elu = now;
  const ms = (ns) => (ns / 1e6).toFixed(1);
  const line = `${process.pid} ${new Date().toISOString()} delay p50 ${ms(histogram.percentile(50))} p99 ${ms(histogram.percentile(99))} max ${ms(histogram.max)} ms busy ${(busy * 100).toFixed(0)} %\n`;
  histogram.reset();
  fs.appendFileSync(log, line);
}, 1000).unref();
