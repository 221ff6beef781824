// Shared reading of a V8 `.cpuprofile` (node --cpu-prof): nodes by id, parents, each sample's time in seconds.
import { readFileSync } from 'node:fs';

export function readProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const times = [];
  let t = 0;
  for (const delta of profile.timeDeltas) {
    t += delta;
    times.push(t / 1e6);
  }
  return { samples: profile.samples, times, nodes, parents, seconds: t / 1e6 };
}

/** The npm package a frame runs in, `node:` for node's own code, `api` for the bundle, else the file. */
export function packageOf(url) {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:';
  if (url.includes('dist/apps/api')) return 'api';
  return url.split('/').slice(-2).join('/');
}

export const isIdle = (name) => name === '(idle)' || name === '(program)';
