// Small process helpers shared by start.mjs, test-all.mjs and the Playwright config.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs a command to completion with inherited stdio; resolves with its exit code. */
export function run(command, args, { env = {}, cwd = ROOT } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolvePromise(127));
  });
}

/**
 * Node options the api runs with — `npm start`, the benchmarks and docker/api.Dockerfile alike. A 64 MB young generation
 * (V8's default is 16 MB): under a stream of webhooks the api allocates ~200 MB a second, and with the default most of it
 * is scavenged 10–20 times a second (docs/PERFORMANCE.md, "Runs of 2026-12-06 06:36–07:27 UTC").
 */
export const API_NODE_ARGS = ['--max-semi-space-size=64'];

const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NEXT_TELEMETRY_DISABLED: '1' };

export const nx = (args, options = {}) =>
  run(process.execPath, [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), ...args], { ...options, env: { ...NX_ENV, ...options.env } });

/**
 * Next's standalone server needs the static assets and public/ copied next to it (STACK.md).
 * Returns the path of server.js.
 */
export function prepareWebStandalone() {
  const web = join(ROOT, 'apps/web');
  const standalone = join(web, '.next/standalone/apps/web');
  const server = join(standalone, 'server.js');
  if (!existsSync(server)) throw new Error('The web app is not built: run `npx nx build web` first.');
  rmSync(join(standalone, '.next/static'), { recursive: true, force: true });
  cpSync(join(web, '.next/static'), join(standalone, '.next/static'), { recursive: true });
  if (existsSync(join(web, 'public'))) cpSync(join(web, 'public'), join(standalone, 'public'), { recursive: true });
  return server;
}

/** Polls a URL until it answers 2xx, or throws after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
