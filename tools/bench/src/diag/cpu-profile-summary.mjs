#!/usr/bin/env node
// Where a process's main thread spent a window of a `.cpuprofile` (self time by package and by function), or with
// --timeline the busy and GC share of each second (to find a benchmark phase's window first).
//
//   node tools/bench/src/diag/cpu-profile-summary.mjs <file.cpuprofile> [--from=<s>] [--to=<s>] [--top=40] [--timeline]
import { flags } from '../bench-lib.mjs';
import { isIdle, packageOf, readProfile } from './cpu-profile.mjs';

const opts = flags();
const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: cpu-profile-summary.mjs <file.cpuprofile> [--from=<s>] [--to=<s>] [--top=40] [--timeline]');
  process.exit(2);
}
const { samples, times, nodes, seconds } = readProfile(file);

if (opts.timeline) {
  const perSecond = new Map();
  samples.forEach((id, i) => {
    const name = nodes.get(id).callFrame.functionName;
    const s = Math.floor(times[i]);
    const e = perSecond.get(s) ?? { all: 0, busy: 0, gc: 0 };
    e.all += 1;
    if (!isIdle(name)) e.busy += 1;
    if (name === '(garbage collector)') e.gc += 1;
    perSecond.set(s, e);
  });
  for (const [s, e] of perSecond) console.log(`${s}s busy ${Math.round((e.busy / e.all) * 100)}% gc ${Math.round((e.gc / e.all) * 100)}%`);
  process.exit(0);
}

const from = Number(opts.from ?? 0);
const to = Number(opts.to ?? seconds);
const byPackage = new Map();
const byFunction = new Map();
let counted = 0;
samples.forEach((id, i) => {
  if (times[i] < from || times[i] >= to) return;
  const frame = nodes.get(id).callFrame;
  counted += 1;
  const pkg = frame.functionName.startsWith('(') ? frame.functionName : packageOf(frame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
  const fn = `${frame.functionName || '(anonymous)'} ${packageOf(frame.url)}:${frame.lineNumber}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
});
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
const share = (v) => `${((v / counted) * 100).toFixed(1).padStart(6)} %`;
console.log(`${counted} samples in ${from}–${to.toFixed(1)} s of ${seconds.toFixed(1)} s; self time by package:`);
for (const [k, v] of top(byPackage, 25)) console.log(share(v), k);
console.log('self time by function:');
for (const [k, v] of top(byFunction, Number(opts.top ?? 40))) console.log(share(v), k);
