#!/usr/bin/env node
// The call stacks above one function in a window of a `.cpuprofile` — e.g. who calls `writeBuffer` (socket writes).
//
//   node tools/bench/src/diag/cpu-profile-callers.mjs <file.cpuprofile> <functionName> [--from=<s>] [--to=<s>] [--depth=8]
import { flags } from '../bench-lib.mjs';
import { packageOf, readProfile } from './cpu-profile.mjs';

const opts = flags();
const [file, leaf] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file || !leaf) {
  console.error('usage: cpu-profile-callers.mjs <file.cpuprofile> <functionName> [--from=<s>] [--to=<s>] [--depth=8]');
  process.exit(2);
}
const { samples, times, nodes, parents, seconds } = readProfile(file);
const from = Number(opts.from ?? 0);
const to = Number(opts.to ?? seconds);
const depth = Number(opts.depth ?? 8);
const stacks = new Map();
let counted = 0;
samples.forEach((id, i) => {
  if (times[i] < from || times[i] >= to || nodes.get(id).callFrame.functionName !== leaf) return;
  counted += 1;
  const frames = [];
  for (let p = parents.get(id); p !== undefined && frames.length < depth; p = parents.get(p)) {
    const f = nodes.get(p).callFrame;
    if (f.functionName !== '(root)') frames.push(`${f.functionName || '(anonymous)'}@${packageOf(f.url)}:${f.lineNumber}`);
  }
  const key = frames.join(' < ');
  stacks.set(key, (stacks.get(key) ?? 0) + 1);
});
console.log(`${counted} samples of ${leaf}`);
for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(v, k);
