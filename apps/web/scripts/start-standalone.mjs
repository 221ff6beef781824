// Runs the built standalone server (`nx build web` first), e.g. for `nx start web` and the Playwright
// journeys. The copy of static assets next to server.js lives in one place: tools/scripts/lib/run.mjs.
// Env: PORT, HOSTNAME, API_INTERNAL_URL, API_PUBLIC_URL, WEB_TRUSTED_PROXY_HOPS.
import { prepareWebStandalone } from '../../../tools/scripts/lib/run.mjs';
// the client address comes from the TCP peer, never from a header the browser sent (see the file)
import './client-address.cjs';

let server;
try {
  server = prepareWebStandalone();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
await import(server);
