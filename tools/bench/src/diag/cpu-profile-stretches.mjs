#!/usr/bin/env node
// How long the main thread ran without an idle sample in a window of a `.cpuprofile` (a histogram of busy stretches),
// and what the long stretches ran: the share of their samples each function is on the stack of (inclusive).
//
//   node tools/bench/src/diag/cpu-profile-stretches.mjs <file.cpuprofile> [--from=<s>] [--to=<s>] [--min-ms=12] [--top=40]
import { flags } from '../bench-lib.mjs';
import { isIdle, packageOf, readProfile } from './cpu-profile.mjs';

const opts = flags();
const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: cpu-profile-stretches.mjs <file.cpuprofile> [--from=<s>] [--to=<s>] [--min-ms=12] [--top=40]');
  process.exit(2);
}
const { samples, times, nodes, parents, seconds } = readProfile(file);
const from = Number(opts.from ?? 0);
const to = Number(opts.to ?? seconds);
const minMs = Number(opts['min-ms'] ?? 12);
const top = Number(opts.top ?? 40);

const stretches = [];
let current = null;
samples.forEach((id, i) => {
  if (times[i] < from || times[i] > to) return;
  if (isIdle(nodes.get(id).callFrame.functionName)) {
    if (current) stretches.push({ ms: (times[i] - current.start) * 1000, ids: current.ids });
    current = null;
    return;
  }
  current ??= { start: times[i], ids: [] };
  current.ids.push(id);
});

const limits = [5, 10, 15, 20, 30, 50, Infinity];
const counts = limits.map((limit, k) => stretches.filter((s) => s.ms >= (limits[k - 1] ?? 0) && s.ms < limit).length);
console.log(`busy stretches in ${from}–${to} s: ${limits.map((limit, k) => `<${limit} ms: ${counts[k]}`).join(', ')}`);

const long = stretches.filter((s) => s.ms >= minMs);
const inclusive = new Map();
let total = 0;
for (const { ids } of long) {
  for (const id of ids) {
    total += 1;
    const onStack = new Set();
    for (let n = id; n !== undefined; n = parents.get(n)) {
      const { functionName, url, lineNumber } = nodes.get(n).callFrame;
      onStack.add(`${functionName || '(anonymous)'} ${packageOf(url)}:${lineNumber + 1}`);
    }
    for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
  }
}
console.log(`stretches of ${minMs} ms or more: ${long.length}, ${total} samples; on the stack of their samples:`);
for (const [key, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((n / total) * 100).toFixed(1).padStart(6)} %  ${key}`);
}
