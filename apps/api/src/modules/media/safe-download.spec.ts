import { createServer, Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simOrigins } from './media-storage.service';
import { isAllowedMediaUrl, MediaDownloadError, safeDownload } from './safe-download';

describe('isAllowedMediaUrl', () => {
  const policy = { extraOrigins: ['http://127.0.0.1:3002'] };
  const allowed = (url: string) => isAllowedMediaUrl(new URL(url), policy);

  it('allows https Meta CDN hosts and the configured simulator origin', () => {
    expect(allowed('https://scontent.xx.fbcdn.net/v/t1.15752-9/abc.jpg?oh=1')).toBe(true);
    expect(allowed('https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1')).toBe(true);
    expect(allowed('https://scontent-fra3-1.cdninstagram.com/v/x.mp4')).toBe(true);
    expect(allowed('http://127.0.0.1:3002/cdn/samples/photo-1.png')).toBe(true);
  });

  it('refuses plain http, other hosts, look-alikes, IP literals, credentials and odd ports', () => {
    expect(allowed('http://scontent.xx.fbcdn.net/a.jpg')).toBe(false);
    expect(allowed('https://evil.example/a.jpg')).toBe(false);
    expect(allowed('https://fbcdn.net.evil.example/a.jpg')).toBe(false);
    expect(allowed('https://evilfbcdn.net/a.jpg')).toBe(false);
    expect(allowed('https://169.254.169.254/latest/meta-data')).toBe(false);
    expect(allowed('https://user:pw@scontent.xx.fbcdn.net/a.jpg')).toBe(false);
    expect(allowed('https://scontent.xx.fbcdn.net:8443/a.jpg')).toBe(false);
    expect(allowed('http://127.0.0.1:3003/cdn/a.png')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
  });
});

describe('simOrigins', () => {
  it('allows the simulator under both loopback names, nothing in production', () => {
    expect(simOrigins('http://127.0.0.1:3002')).toEqual(['http://127.0.0.1:3002', 'http://localhost:3002']);
    expect(simOrigins('http://localhost:3002/')).toEqual(['http://localhost:3002', 'http://127.0.0.1:3002']);
    expect(simOrigins(null)).toEqual([]);
  });
});

describe('safeDownload', () => {
  let server: Server;
  let origin: string;
  let dir: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/small.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(100, 1));
      if (req.url === '/big.bin') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(5000, 1));
      if (req.url === '/chunked.bin') {
        res.writeHead(200);
        for (let i = 0; i < 10; i += 1) res.write(Buffer.alloc(1000, 1));
        return void res.end();
      }
      if (req.url === '/redirect') return void res.writeHead(302, { location: 'https://evil.example/x' }).end();
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
      if (req.url === '/stalls') {
        // headers and a first chunk, then nothing: the download times out mid-body
        res.writeHead(200, { 'content-type': 'video/mp4' });
        return void res.write(Buffer.alloc(100, 1));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    dir = mkdtempSync(join(tmpdir(), 'tg-media-'));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const policy = () => ({ extraOrigins: [origin], maxBytes: 2048, timeoutMs: 500 });
  const reason = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof MediaDownloadError ? e.reason : String(e)),
    );

  it('stores an allowed file', async () => {
    const result = await safeDownload(`${origin}/small.png`, join(dir, 'a'), policy());
    expect(result).toEqual({ contentType: 'image/png', bytes: 100 });
    expect(readFileSync(join(dir, 'a')).length).toBe(100);
  });

  it('downloads from a host name, not only an address (Node asks the lookup for every address of the name)', async () => {
    const byName = origin.replace('127.0.0.1', 'localhost');
    const result = await safeDownload(`${byName}/small.png`, join(dir, 'by-name'), { ...policy(), extraOrigins: [byName] });
    expect(result).toEqual({ contentType: 'image/png', bytes: 100 });
  });

  it('enforces the size cap on Content-Length and on streamed bytes, the time cap, redirects and the allow-list', async () => {
    expect(await reason(safeDownload(`${origin}/big.bin`, join(dir, 'b'), policy()))).toBe('too_large');
    expect(await reason(safeDownload(`${origin}/chunked.bin`, join(dir, 'c'), policy()))).toBe('too_large');
    expect(await reason(safeDownload(`${origin}/slow`, join(dir, 'd'), policy()))).toBe('timeout');
    expect(await reason(safeDownload(`${origin}/redirect`, join(dir, 'e'), policy()))).toBe('not_allowed');
    expect(await reason(safeDownload('https://evil.example/x.png', join(dir, 'f'), policy()))).toBe('not_allowed');
    expect(await reason(safeDownload(`${origin}/missing`, join(dir, 'g'), policy()))).toBe('http_error');
  });

  /** Files this process still holds open whose path starts with `prefix` (Linux /proc). */
  const openFilesUnder = (prefix: string) =>
    readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(prefix));

  const waitFor = async (condition: () => boolean, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return condition();
  };

  it('turns a full disk into a storage error instead of an unhandled stream error, and removes the partial file', async () => {
    const target = join(dir, 'full');
    // the partial file is where the bytes go: point it at /dev/full, where every write fails with ENOSPC
    symlinkSync('/dev/full', `${target}.part`);
    expect(await reason(safeDownload(`${origin}/small.png`, target, policy()))).toBe('storage');
    expect(existsSync(target)).toBe(false);
    expect(await waitFor(() => !existsSync(`${target}.part`))).toBe(true);
    // and the next download still works
    expect(await safeDownload(`${origin}/small.png`, join(dir, 'after-full'), policy())).toEqual({ contentType: 'image/png', bytes: 100 });
  });

  it('turns a file that cannot be created into a storage error', async () => {
    expect(await reason(safeDownload(`${origin}/small.png`, join(dir, 'no-such-dir', 'x'), policy()))).toBe('storage');
  });

  it('releases the file handle and removes the partial file when a download times out mid-body', async () => {
    const target = join(dir, 'stalled');
    expect(await reason(safeDownload(`${origin}/stalls`, target, policy()))).toBe('timeout');
    expect(await waitFor(() => openFilesUnder(target).length === 0)).toBe(true);
    expect(await waitFor(() => !existsSync(`${target}.part`))).toBe(true);
  });
});
