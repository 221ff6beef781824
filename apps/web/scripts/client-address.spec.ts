/** @jest-environment node */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// the preload is plain CommonJS (it runs before Next.js, outside the TypeScript build)
const { resolveClientAddress, install, MARK } = require('./client-address.cjs') as {
  resolveClientAddress: (forwardedFor: string | undefined, peer: string | undefined, hops: number) => string | undefined;
  install: (env?: Record<string, string>) => () => void;
  MARK: symbol;
};

describe('client-address preload', () => {
  it('takes the TCP peer when no proxy is trusted, whatever the browser claims', () => {
    expect(resolveClientAddress('6.6.6.6, 7.7.7.7', '198.51.100.4', 0)).toBe('198.51.100.4');
    expect(resolveClientAddress(undefined, '198.51.100.4', 0)).toBe('198.51.100.4');
  });

  it('with trusted proxies in front, takes the address the outermost one saw', () => {
    // browser forged 6.6.6.6; the TLS proxy (peer 10.0.0.2) appended the real address 203.0.113.9
    expect(resolveClientAddress('6.6.6.6, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '10.0.0.2', 3)).toBe('203.0.113.9');
  });

  it('rewrites the headers of every request before the server sees them', async () => {
    const uninstall = install({});
    expect((globalThis as Record<symbol, unknown>)[MARK]).toBe(true);
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.end();
    });
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/', headers: { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6', forwarded: 'for=6.6.6.6' } },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end();
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      // Node's http module is shared by the test files of one worker: leave it as it was
      uninstall();
    }
    expect(seen[0]?.['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[0]?.['x-real-ip']).toBeUndefined();
    expect(seen[0]?.['forwarded']).toBeUndefined();
  });
});
