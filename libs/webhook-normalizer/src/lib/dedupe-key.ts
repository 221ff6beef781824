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
  return sha256Hex(serializable(value) ?? Object.prototype.toString.call(value)).slice(0, 32);
}

/**
 * The JSON text of `value`, or null when it cannot have one (nested so deeply that serialising it would
 * overflow the stack, or cyclic). `String()` is no fallback: it recurses through nested arrays too.
 */
export function serializable(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}
