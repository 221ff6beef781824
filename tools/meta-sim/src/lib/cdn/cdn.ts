import type { ServerResponse } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';

/**
 * The sim's media "CDN": deterministic PNG images (avatars, post media, sample photos the phone can
 * send) plus sample audio/video/pdf files, `/cdn/sized/<bytes>/<name>` blobs to test size limits and
 * `/cdn/stall/<bytes>/<name>` downloads that stop mid-body (timeouts, released handles).
 */

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

function hashString(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** A soft two-colour gradient with a centred disc, colours derived from `key`. */
export function pngFor(key: string, size = 160): Buffer {
  const h = hashString(key);
  const c1 = [h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff];
  const c2 = [255 - (c1[0] ?? 0) / 2, 255 - (c1[1] ?? 0) / 3, 200];
  const rows: Buffer[] = [];
  const r = size * 0.28;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * size);
      const inDisc = (x - size / 2) ** 2 + (y - size / 2) ** 2 < r * r;
      for (let k = 0; k < 3; k++) {
        const base = (c1[k] ?? 0) * (1 - t) + (c2[k] ?? 0) * t;
        row[1 + x * 3 + k] = Math.round(inDisc ? 255 - base / 3 : base);
      }
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SAMPLE_FILES: Record<string, { type: 'image' | 'video' | 'audio' | 'file'; mime: string; label: string }> = {
  'photo-1.png': { type: 'image', mime: 'image/png', label: 'Jacket photo' },
  'photo-2.png': { type: 'image', mime: 'image/png', label: 'Receipt photo' },
  'photo-3.png': { type: 'image', mime: 'image/png', label: 'Sunset' },
  'clip.mp4': { type: 'video', mime: 'video/mp4', label: 'Short clip' },
  'voice.m4a': { type: 'audio', mime: 'audio/mp4', label: 'Voice note' },
  'invoice.pdf': { type: 'file', mime: 'application/pdf', label: 'Invoice PDF' },
};

function sampleBytes(name: string): Buffer | undefined {
  const meta = SAMPLE_FILES[name];
  if (!meta) return undefined;
  if (meta.type === 'image') return pngFor(name, 320);
  if (meta.type === 'file') return Buffer.from(`%PDF-1.4\n% meta-sim sample ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  // Placeholder containers: enough bytes for size checks, not playable media.
  return Buffer.concat([Buffer.from(`meta-sim sample ${name}\n`), Buffer.alloc(2048)]);
}

interface CdnAsset {
  mime: string;
  size: number;
  body: () => Buffer;
}

/** Resolves a CDN path (after `/cdn/`) to an asset, or undefined. */
export function cdnAsset(path: string): CdnAsset | undefined {
  const sized = /^sized\/(\d+)\/([\w.-]+)$/.exec(path);
  if (sized) {
    const size = Number(sized[1]);
    const name = sized[2] ?? 'blob';
    const mime = name.endsWith('.png')
      ? 'image/png'
      : name.endsWith('.jpg')
        ? 'image/jpeg'
        : name.endsWith('.mp4')
          ? 'video/mp4'
          : name.endsWith('.pdf')
            ? 'application/pdf'
            : 'application/octet-stream';
    return { mime, size, body: () => Buffer.alloc(Math.min(size, 64 * 1024 * 1024)) };
  }
  const sample = /^samples\/([\w.-]+)$/.exec(path);
  if (sample?.[1]) {
    const bytes = sampleBytes(sample[1]);
    const meta = SAMPLE_FILES[sample[1]];
    if (bytes && meta) return { mime: meta.mime, size: bytes.length, body: () => bytes };
  }
  const img = /^(avatar|media|upload)\/([\w.-]+)\.png$/.exec(path);
  if (img?.[2]) {
    const bytes = pngFor(`${img[1]}:${img[2]}`, img[1] === 'avatar' ? 96 : 320);
    return { mime: 'image/png', size: bytes.length, body: () => bytes };
  }
  return undefined;
}

export function serveCdn(path: string, method: string, res: ServerResponse): boolean {
  // `/cdn/stall/<bytes>/<name>`: a CDN edge that hangs mid-body — headers and the first KiB, then nothing
  const stall = /^stall\/(\d+)\/[\w.-]+$/.exec(path);
  if (stall) {
    const size = Number(stall[1]);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
    if (method === 'HEAD') res.end();
    else res.write(Buffer.alloc(Math.min(1024, size)));
    return true;
  }
  const asset = cdnAsset(path);
  if (!asset) return false;
  res.writeHead(200, { 'content-type': asset.mime, 'content-length': asset.size, 'cache-control': 'public, max-age=3600' });
  if (method === 'HEAD') res.end();
  else res.end(asset.body());
  return true;
}
