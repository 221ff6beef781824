import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports below this are left to well-known services. */
const LOWEST = 20_000;
/** Ports each jest worker draws from, so suites running side by side never pick the same one. */
const SLICE = 400;

/**
 * The first port the kernel gives outgoing connections (`ip_local_port_range`). A port from `listen(0)` comes from the
 * same range, so between closing it and the api listening on it, any outgoing connection of a suite running alongside
 * (to the simulator, to MariaDB) may be given it as its local port — the api then fails with EADDRINUSE.
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

const low = ephemeralLow();
const slices = Math.floor((low - LOWEST) / SLICE);
const worker = Number(process.env['JEST_WORKER_ID'] ?? 1);
const sliceStart = slices > 0 ? LOWEST + ((worker - 1) % slices) * SLICE : 0;
let next = 0;

/**
 * A port free right now that nothing else will be given until a server listens on it: for a server that must know its
 * own URL before it listens (the api's public URL), or that is restarted on the same port after being killed. Taken
 * below the kernel's ephemeral range, from this jest worker's own slice, in turn (a port handed out earlier in the
 * worker may still be in use by a stopped-and-restarted api).
 */
export async function freePort(): Promise<number> {
  if (slices <= 0) throw new Error(`no room for test ports below the ephemeral range (${low})`);
  for (let tried = 0; tried < SLICE; tried += 1) {
    const port = sliceStart + (next % SLICE);
    next += 1;
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${sliceStart}–${sliceStart + SLICE - 1}`);
}
