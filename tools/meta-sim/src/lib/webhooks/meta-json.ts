import { createHmac } from 'node:crypto';

/**
 * Serialises like Meta's webhook sender: compact JSON with every non-ASCII code unit escaped
 * as lowercase `\uXXXX` (so `ä` is sent as `\u00e4`). The signature covers exactly these bytes.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function signSha256(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function signSha1(body: string | Buffer, secret: string): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}
