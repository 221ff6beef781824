import { createWriteStream, WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';

/** Meta's media CDNs (attachment URLs in webhooks, profile pictures). */
export const META_MEDIA_HOST_SUFFIXES = ['.fbcdn.net', '.cdninstagram.com', '.fbsbx.com', '.facebook.com', '.instagram.com'];

export class MediaDownloadError extends Error {
  constructor(
    readonly reason: 'not_allowed' | 'too_large' | 'timeout' | 'http_error' | 'network' | 'storage',
    message: string,
  ) {
    super(message);
    this.name = 'MediaDownloadError';
  }
}

export interface DownloadPolicy {
  /** Extra exact origins allowed (the simulator in sandbox, e.g. `http://127.0.0.1:3002`); they may be http and loopback. */
  extraOrigins: string[];
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
}

export interface DownloadResult {
  contentType: string | null;
  bytes: number;
}

function isPrivateAddress(address: string): boolean {
  if (address.includes(':')) {
    const a = address.toLowerCase();
    if (a.startsWith('::ffff:')) return isPrivateAddress(a.slice(7));
    return a === '::1' || a === '::' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80');
  }
  const [a, b] = address.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

/** Whether `url` may be fetched at all: https to a Meta CDN host, or one of the extra origins. */
export function isAllowedMediaUrl(url: URL, policy: Pick<DownloadPolicy, 'extraOrigins'>): boolean {
  if (policy.extraOrigins.includes(url.origin)) return true;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (url.port && url.port !== '443') return false;
  const host = url.hostname.toLowerCase();
  if (isIP(host)) return false;
  return META_MEDIA_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/**
 * Downloads `rawUrl` to `target` without SSRF exposure: only allow-listed hosts, the resolved address
 * must be public (checked on the socket's own lookup, so DNS rebinding cannot slip in), redirects are
 * re-checked, and size and total time are capped. Writes to a temp file and renames on success.
 */
export async function safeDownload(rawUrl: string, target: string, policy: DownloadPolicy, redirects = 0): Promise<DownloadResult> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new MediaDownloadError('not_allowed', 'not a URL');
  }
  if (!isAllowedMediaUrl(url, policy)) throw new MediaDownloadError('not_allowed', `host not allowed: ${url.host}`);
  const trusted = policy.extraOrigins.includes(url.origin);
  const client = url.protocol === 'https:' ? https : http;
  const temp = `${target}.part`;

  return new Promise<DownloadResult>((resolve, reject) => {
    let settled = false;
    let out: WriteStream | null = null;
    // every exit releases the socket, the file handle and the partial file (a full disk, a timeout, an abort)
    const fail = (error: MediaDownloadError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      const removeTemp = () => void unlink(temp).catch(() => undefined);
      if (out && !out.closed) {
        out.once('close', removeTemp);
        out.destroy();
      } else {
        removeTemp();
      }
      reject(error);
    };
    const timer = setTimeout(() => fail(new MediaDownloadError('timeout', `timed out after ${policy.timeoutMs} ms`)), policy.timeoutMs);
    const req = client.get(
      url,
      {
        timeout: policy.timeoutMs,
        // Node 20 connects with happy eyeballs and then asks for every address (`options.all`): answer in the shape asked for
        lookup: (hostname, options, callback) =>
          dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
            if (error) return callback(error, '', 4);
            // one private answer refuses the name: a public host has no business resolving into our network
            if (!trusted && addresses.some((a) => isPrivateAddress(a.address))) return callback(new Error('resolved to a private address'), '', 4);
            if (options.all) return callback(null, addresses);
            callback(null, addresses[0].address, addresses[0].family);
          }),
      },
      (res) => {
        res.on('error', () => fail(new MediaDownloadError('network', 'connection dropped')));
        res.on('aborted', () => fail(new MediaDownloadError('network', 'connection dropped')));
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (redirects >= (policy.maxRedirects ?? 3)) return fail(new MediaDownloadError('http_error', 'too many redirects'));
          settled = true;
          clearTimeout(timer);
          safeDownload(new URL(res.headers.location, url).toString(), target, policy, redirects + 1).then(resolve, reject);
          return;
        }
        if (status !== 200) {
          res.resume();
          return fail(new MediaDownloadError('http_error', `HTTP ${status}`));
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > policy.maxBytes) {
          return fail(new MediaDownloadError('too_large', `${declared} bytes is over the ${policy.maxBytes} byte limit`));
        }
        let bytes = 0;
        const file = createWriteStream(temp);
        out = file;
        file.on('error', (error: NodeJS.ErrnoException) => fail(new MediaDownloadError('storage', `could not write the file: ${error.code ?? error.message}`)));
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > policy.maxBytes) fail(new MediaDownloadError('too_large', `over the ${policy.maxBytes} byte limit`));
        });
        res.pipe(file);
        file.on('finish', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          rename(temp, target).then(
            () => resolve({ contentType: res.headers['content-type'] ?? null, bytes }),
            (error: NodeJS.ErrnoException) => {
              void unlink(temp).catch(() => undefined);
              reject(new MediaDownloadError('storage', `could not store the file: ${error.code ?? error.message}`));
            },
          );
        });
      },
    );
    req.on('error', (error) => fail(new MediaDownloadError('network', error.message)));
  });
}
