/** Defensive readers for untrusted, already-parsed JSON. None of them throws. */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord | null {
  return isRecord(value) ? value : null;
}

/** A non-empty string, or null. */
export function readString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * A Meta id as a string. Meta sends most ids as strings but some as JSON numbers
 * (`app_id` in echoes, `requested_owner_app_id`, template attachment ids); both are accepted.
 */
export function readId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim().length > 0 ? value.trim() : null;
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? value.toFixed(0) : null;
  if (typeof value === 'bigint') return value.toString();
  return null;
}

export function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** true/false, also Graph's 0/1 and "true"/"false". */
export function readBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return null;
}

export function readArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `rec.a.b.c` without throwing. */
export function readPath(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Drops `undefined` properties so optional fields are absent rather than present-but-undefined. */
export function compact<T extends object>(value: T): T {
  const out: JsonRecord = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}

/** `undefined` instead of null, for optional properties. */
export function opt<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}
