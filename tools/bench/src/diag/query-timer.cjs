// Preload (`node --require`): times every mysql2 query from the api's side — from the moment it is issued (it may then
// wait behind the connection's earlier commands) until its callback runs — and every pool connection acquisition, via
// mysql2's diagnostics channels. Appends per second, per statement kind (verb + table), count, p50, p99 and max in ms to
// QUERY_TIMER_LOG (/tmp/query-times.log). Compare with the server's own time (slow-log-summary.mjs): the difference is
// the wait for the connection, the network and the api's event loop.
//
//   BENCH_API_NODE_ARGS='--require ./tools/bench/src/diag/query-timer.cjs' node tools/bench/src/ingest-bench.mjs
const dc = require('node:diagnostics_channel');
const fs = require('node:fs');

const log = process.env.QUERY_TIMER_LOG || '/tmp/query-times.log';
const started = new WeakMap();
let second = new Map();

const kindOf = (sql) => {
  const text = String(sql ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const verb = (text.match(/^\w+/)?.[0] ?? '?').toUpperCase();
  const table = text.match(/\b(?:INTO|FROM|UPDATE)\s+`?(\w+)`?/i)?.[1] ?? '';
  return `${verb} ${table}`.trim();
};
const record = (kind, ms) => {
  const list = second.get(kind) ?? [];
  list.push(ms);
  second.set(kind, list);
};
const trace = (name, kindFor) => {
  dc.tracingChannel(name).subscribe({
    start: (ctx) => started.set(ctx, process.hrtime.bigint()),
    asyncStart: (ctx) => {
      const t0 = started.get(ctx);
      if (t0 !== undefined) record(kindFor(ctx), Number(process.hrtime.bigint() - t0) / 1e6);
    },
  });
};
trace('mysql2:query', (ctx) => kindOf(ctx.query));
trace('mysql2:execute', (ctx) => kindOf(ctx.query));
trace('mysql2:pool:connect', () => 'pool connection');

setInterval(() => {
  const s = second;
  second = new Map();
  if (!s.size) return;
  const at = new Date().toISOString();
  const lines = [...s].map(([kind, values]) => {
    values.sort((a, b) => a - b);
    const pick = (p) => values[Math.min(values.length - 1, Math.floor(p * values.length))].toFixed(1);
    return `${process.pid} ${at} ${kind.padEnd(32)} n ${String(values.length).padStart(5)} p50 ${pick(0.5)} p99 ${pick(0.99)} max ${values.at(-1).toFixed(1)} ms\n`;
  });
  fs.appendFileSync(log, lines.join(''));
}, 1000).unref();
