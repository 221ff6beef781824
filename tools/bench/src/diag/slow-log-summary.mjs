#!/usr/bin/env node
// MariaDB's slow log (with long_query_time=0: every statement) summed by statement kind — verb and table — between two
// marker statements (`SELECT 'MARKER_START'` / `SELECT 'MARKER_END'`, sent from another client), or over the whole file:
// count, total and share of the server's statement time, mean, p99, rows examined per statement.
//
//   node tools/bench/src/diag/slow-log-summary.mjs /tmp/slow.log [--top=30]
import { readFileSync } from 'node:fs';
import { flags } from '../bench-lib.mjs';

const opts = flags();
const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: slow-log-summary.mjs <slow.log> [--top=30]');
  process.exit(2);
}
const text = readFileSync(file, 'latin1');
const start = text.indexOf('MARKER_START');
const end = text.indexOf('MARKER_END', start + 1);
const window = text.slice(start < 0 ? 0 : start, end < 0 ? undefined : end);

function kindOf(sql) {
  const s = sql.replace(/`/g, '').replace(/\s+/g, ' ');
  const insert = /^INSERT INTO (\w+)/i.exec(s);
  if (insert) return `INSERT ${insert[1]}${/RETURNING/i.test(s) ? ' RETURNING' : ''}${/ON DUPLICATE/i.test(s) ? ' ON DUPLICATE' : ''}`;
  const update = /^UPDATE (\w+)/i.exec(s);
  if (update) return `UPDATE ${update[1]}`;
  const del = /^DELETE FROM (\w+)/i.exec(s);
  if (del) return `DELETE ${del[1]}`;
  const select = /^SELECT .*? FROM (\w+)/i.exec(s);
  if (select) return `SELECT ${select[1]}${/FOR UPDATE/i.test(s) ? ' FOR UPDATE' : ''}`;
  return s.slice(0, 40);
}

const kinds = new Map();
let total = 0;
for (const entry of window.split(/(?=^# User@Host)/m)) {
  const m = /Query_time: ([\d.]+)\s+Lock_time: [\d.]+\s+Rows_sent: \d+\s+Rows_examined: (\d+)/.exec(entry);
  if (!m) continue;
  const sql = entry
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('SET timestamp') && !l.startsWith('use '))
    .join(' ');
  const ms = Number(m[1]) * 1000;
  const k = kindOf(sql);
  const x = kinds.get(k) ?? { n: 0, ms: 0, all: [], examined: 0 };
  x.n += 1;
  x.ms += ms;
  x.all.push(ms);
  x.examined += Number(m[2]);
  kinds.set(k, x);
  total += ms;
}
console.log(`statement time ${total.toFixed(0)} ms${start < 0 ? ' (whole file: no MARKER_START)' : ' between the markers'}`);
for (const [k, x] of [...kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(opts.top ?? 30))) {
  x.all.sort((a, b) => a - b);
  const p99 = x.all[Math.min(x.all.length - 1, Math.floor(x.all.length * 0.99))];
  console.log(
    `${String(x.n).padStart(6)} ${x.ms.toFixed(0).padStart(7)} ms ${((x.ms / total) * 100).toFixed(1).padStart(5)} % mean ${(x.ms / x.n).toFixed(2)} p99 ${p99.toFixed(1)} ms examined/statement ${Math.round(x.examined / x.n)}  ${k}`,
  );
}
