import { normalizeMimeType } from '@ticklegram/domain-models';

/** Media types a browser renders without running anything: the only ones served inline. */
const INLINE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/jpg',
  'image/gif',
  'audio/aac',
  'audio/mp4',
  'audio/m4a',
  'audio/x-m4a',
  'audio/mpeg',
  'audio/mp3',
  'audio/wav',
  'audio/x-wav',
  'audio/ogg',
  'audio/webm',
  'video/mp4',
  'video/ogg',
  'video/webm',
  'video/quicktime',
]);

/**
 * Headers for an upload served on the api's origin (the signed link Meta fetches). Whatever the
 * uploader declared, nothing runs here: unknown types download as an attachment, the browser may not
 * sniff another type, and a sandbox CSP blocks scripts even if a file were rendered.
 */
export function uploadContentHeaders(upload: { mimeType: string; fileName: string; sizeBytes: number }): Record<string, string> {
  const mimeType = normalizeMimeType(upload.mimeType);
  const inline = INLINE_TYPES.has(mimeType);
  const asciiName = upload.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return {
    'Content-Type': inline ? mimeType : 'application/octet-stream',
    'Content-Length': String(upload.sizeBytes),
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, max-age=60',
  };
}
