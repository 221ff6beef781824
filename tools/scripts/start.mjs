#!/usr/bin/env node
// `npm start`: builds and runs the whole product in sandbox mode — Meta simulator, api, web —
// on one machine with nothing else installed. Ctrl-C stops all three.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_ARGS, nx, ROOT, waitForHttp } from './lib/run.mjs';

const WEB_PORT = process.env.WEB_PORT ?? '3000';
const API_PORT = process.env.API_PORT ?? '3001';
const SIM_PORT = process.env.META_SIM_PORT ?? '3002';
const DATA_DIR = process.env.DATA_DIR ?? join(ROOT, 'data');
const SIM_DIST = join(ROOT, 'dist/tools/meta-sim/main.js');

const children = [];
let stopping = false;

function launch(name, file, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  const pipe = (stream, out) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`${prefix}exited with code ${code}; stopping everything.\n`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log('Building TickleGram (api, web, Meta simulator)…');
const projects = existsSync(join(ROOT, 'tools/meta-sim/webpack.config.js')) ? 'api,web,meta-sim' : 'api,web';
if ((await nx(['run-many', '-t', 'build', '-p', projects, '--outputStyle=static'])) !== 0) process.exit(1);

const sandboxEnv = {
  APP_MODE: 'sandbox',
  LOG_PRETTY: process.env.LOG_PRETTY ?? 'true',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  DATA_DIR,
  API_PORT,
  WEB_ORIGIN: `http://localhost:${WEB_PORT},http://127.0.0.1:${WEB_PORT}`,
  META_GRAPH_URL: `http://127.0.0.1:${SIM_PORT}`,
  META_INSTAGRAM_GRAPH_URL: `http://127.0.0.1:${SIM_PORT}/ig`,
  META_SIM_URL: `http://127.0.0.1:${SIM_PORT}`,
  // where the simulator fetches our signed upload links (set API_PUBLIC_URL to expose the api elsewhere)
  ...(process.env.API_PUBLIC_URL && { API_PUBLIC_URL: process.env.API_PUBLIC_URL }),
};

if (existsSync(SIM_DIST)) {
  launch('sim', SIM_DIST, {
    META_SIM_PORT: SIM_PORT,
    META_SIM_WEBHOOK_INSTAGRAM_URL: `http://127.0.0.1:${API_PORT}/webhooks/instagram`,
    META_SIM_WEBHOOK_FACEBOOK_URL: `http://127.0.0.1:${API_PORT}/webhooks/facebook`,
    META_SIM_PUBLIC_URL: `http://localhost:${SIM_PORT}`,
  });
}
launch('api', join(ROOT, 'dist/apps/api/main.js'), sandboxEnv, API_NODE_ARGS);
launch('web', join(ROOT, 'apps/web/scripts/start-standalone.mjs'), {
  PORT: WEB_PORT,
  HOSTNAME: '0.0.0.0',
  API_INTERNAL_URL: `http://127.0.0.1:${API_PORT}`,
  // Where browsers open the realtime socket (the api origin); read by the web server at runtime.
  API_PUBLIC_URL: process.env.API_PUBLIC_URL ?? `http://localhost:${API_PORT}`,
  // the simulator's pictures (avatars) load straight from it in the sandbox
  WEB_CSP_IMAGE_ORIGINS: `http://localhost:${SIM_PORT} http://127.0.0.1:${SIM_PORT}`,
});

try {
  await Promise.all([waitForHttp(`http://127.0.0.1:${API_PORT}/api/health`), waitForHttp(`http://127.0.0.1:${WEB_PORT}/login`)]);
} catch (error) {
  console.error(String(error));
  stop(1);
}

const credentialsFile = join(DATA_DIR, 'admin-credentials.txt');
const login = process.env.ADMIN_EMAIL
  ? `${process.env.ADMIN_EMAIL} with ADMIN_PASSWORD`
  : existsSync(credentialsFile)
    ? readFileSync(credentialsFile, 'utf8').trim().split('\n').join('  ')
    : 'see the api output above';
console.log(`
  TickleGram Inbox is running in sandbox mode
  ───────────────────────────────────────────
  Dashboard        http://localhost:${WEB_PORT}
  API + docs       http://localhost:${API_PORT}/api/docs
  ${existsSync(SIM_DIST) ? `Meta simulator   http://localhost:${SIM_PORT}   (customer phone: http://localhost:${SIM_PORT}/phone)` : ''}
  Sign in          ${login}
  Data             ${DATA_DIR}

  Press Ctrl-C to stop.
`);
