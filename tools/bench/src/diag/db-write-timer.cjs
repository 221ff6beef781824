// Preload (`node --require`): times every socket write to the database port (3306, or DB_WRITE_TIMER_PORT) and appends a
// line per second to DB_WRITE_TIMER_LOG (/tmp/db-writes.log): writes, mean and longest time in write(), total, bytes.
// A write to a loopback socket wakes a database thread; on a busy host the time the writer loses there shows up here.
//
//   BENCH_API_NODE_ARGS='--require ./tools/bench/src/diag/db-write-timer.cjs' node tools/bench/src/ingest-bench.mjs
const net = require('node:net');
const fs = require('node:fs');

const port = Number(process.env.DB_WRITE_TIMER_PORT || 3306);
const log = process.env.DB_WRITE_TIMER_LOG || '/tmp/db-writes.log';
const write = net.Socket.prototype.write;
let second = { writes: 0, us: 0, bytes: 0, max: 0 };

net.Socket.prototype.write = function timedWrite(chunk, ...rest) {
  if (this.remotePort !== port) return write.call(this, chunk, ...rest);
  const started = process.hrtime.bigint();
  const result = write.call(this, chunk, ...rest);
  const us = Number(process.hrtime.bigint() - started) / 1000;
  second.writes += 1;
  second.us += us;
  second.bytes += chunk.length ?? 0;
  second.max = Math.max(second.max, us);
  return result;
};

setInterval(() => {
  const s = second;
  second = { writes: 0, us: 0, bytes: 0, max: 0 };
  if (!s.writes) return;
  const line = `${process.pid} ${new Date().toISOString()} writes ${s.writes} mean ${(s.us / s.writes).toFixed(1)} us max ${s.max.toFixed(0)} us total ${(s.us / 1000).toFixed(1)} ms bytes/write ${Math.round(s.bytes / s.writes)}\n`;
  fs.appendFileSync(log, line);
}, 1000).unref();
