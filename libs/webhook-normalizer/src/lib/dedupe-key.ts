import { createHash } from 'node:crypto';

/** utf8mb4 unique indexes on older MySQL are limited to 191 characters. */
export const MAX_DEDUPE_KEY_LENGTH = 191;

type KeyPart = string | number | boolean | null | undefined;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * `prefix:part:part...` with `-` for missing parts. Keys longer than {@link MAX_DEDUPE_KEY_LENGTH}
 * become `prefix:h:<sha256>` so they still fit a unique index and stay stable.
 */
export function dedupeKey(prefix: string, ...parts: KeyPart[]): string {
  const key = [prefix, ...parts.map((p) => (p === null || p === undefined || p === '' ? '-' : String(p)))].join(':');
  return key.length <= MAX_DEDUPE_KEY_LENGTH ? key : `${prefix}:h:${sha256Hex(key)}`;
}

/** A stable fingerprint of arbitrary JSON (used for unsupported fragments and edited texts). */
export function fingerprint(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return sha256Hex(text).slice(0, 32);
}
