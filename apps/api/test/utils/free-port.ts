import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomInt } from 'node:crypto';

/** Ports below this are left to well-known services. */
const LOWEST = 20_000;

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

const size = ephemeralLow() - LOWEST;
/**
 * Where this test file starts looking, at random: jest workers, and two test runs on one machine, then almost never
 * try the same port at the same moment (fixed slices per `JEST_WORKER_ID` collided as soon as two runs overlapped).
 */
let next = size > 0 ? randomInt(size) : 0;

/**
 * A port free right now that no outgoing connection will be given until a server listens on it: for a server that must
 * know its own URL before it listens (the api's public URL), or that is restarted on the same port after being killed.
 * Taken below the kernel's ephemeral range, in turn from a random start (a port handed out earlier in the file may
 * still be in use by a stopped-and-restarted api), each checked by binding it.
 */
export async function freePort(): Promise<number> {
  if (size <= 0) throw new Error(`no room for test ports below the ephemeral range (${LOWEST + size})`);
  for (let tried = 0; tried < size; tried += 1) {
    const port = LOWEST + (next % size);
    next += 1;
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${LOWEST}–${LOWEST + size - 1}`);
}
