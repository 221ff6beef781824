// Runs the built standalone server (`nx build web` first). Next leaves static assets and public/
// out of .next/standalone on purpose (a CDN may serve them); for a self-contained server we copy
// them next to server.js, then start it. Env: PORT, HOSTNAME, API_INTERNAL_URL.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const standaloneApp = join(appDir, '.next/standalone/apps/web');
const server = join(standaloneApp, 'server.js');

if (!existsSync(server)) {
  console.error(`No standalone build at ${server}. Run \`npx nx build web\` first.`);
  process.exit(1);
}
cpSync(join(appDir, '.next/static'), join(standaloneApp, '.next/static'), { recursive: true });
if (existsSync(join(appDir, 'public'))) cpSync(join(appDir, 'public'), join(standaloneApp, 'public'), { recursive: true });

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
await import(server);
