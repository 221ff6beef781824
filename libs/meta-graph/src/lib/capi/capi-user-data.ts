import { createHash } from 'node:crypto';

/**
 * Conversions API `user_data` normalisation + SHA-256 hashing (reference §10).
 * Contact fields are normalised, then hashed (hex). Technical identifiers are passed through untouched.
 */

export type MaybeList = string | readonly string[];

/** Raw (unhashed) customer information as our code holds it. */
export interface CapiUserDataInput {
  em?: MaybeList;
  ph?: MaybeList;
  fn?: MaybeList;
  ln?: MaybeList;
  /** Date of birth: Date, or a string we can read as YYYY-MM-DD / YYYYMMDD. */
  db?: MaybeList | Date;
  ge?: MaybeList;
  ct?: MaybeList;
  st?: MaybeList;
  zp?: MaybeList;
  country?: MaybeList;
  external_id?: MaybeList;
  // never hashed
  client_ip_address?: string;
  client_user_agent?: string;
  fbc?: string;
  fbp?: string;
  subscription_id?: string;
  fb_login_id?: string;
  lead_id?: string;
  anon_id?: string;
  madid?: string;
  page_id?: string;
  page_scoped_user_id?: string;
  ctwa_clid?: string;
  ig_account_id?: string;
  ig_sid?: string;
  whatsapp_business_account_id?: string;
}

/** `user_data` as sent to Meta: hashed fields are arrays of hex digests. */
export type CapiUserDataWire = Partial<Record<HashedField, string[]>> & Partial<Record<PassThroughField, string>>;

export const HASHED_FIELDS = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'external_id'] as const;
export type HashedField = (typeof HASHED_FIELDS)[number];

export const PASS_THROUGH_FIELDS = [
  'client_ip_address',
  'client_user_agent',
  'fbc',
  'fbp',
  'subscription_id',
  'fb_login_id',
  'lead_id',
  'anon_id',
  'madid',
  'page_id',
  'page_scoped_user_id',
  'ctwa_clid',
  'ig_account_id',
  'ig_sid',
  'whatsapp_business_account_id',
] as const;
export type PassThroughField = (typeof PASS_THROUGH_FIELDS)[number];

const SHA256_HEX = /^[a-f0-9]{64}$/;

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Letters (any script) and digits only, lowercase. */
function lettersOnly(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Normalises one raw value of `field`; returns undefined when nothing usable is left. */
export function normalizeUserDataValue(field: HashedField, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  let out: string;
  switch (field) {
    case 'em':
      out = value.toLowerCase();
      break;
    case 'ph':
      // digits only, country code included, no leading zeros (the "00" international prefix goes too)
      out = value.replace(/\D/g, '').replace(/^0+/, '');
      break;
    case 'fn':
    case 'ln':
      // lowercase, no punctuation; UTF-8 letters kept (é stays é)
      out = value
        .normalize('NFC')
        .toLowerCase()
        .replace(/[\p{P}\p{S}]/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      break;
    case 'ct':
      // lowercase, no spaces or punctuation
      out = lettersOnly(value);
      break;
    case 'st':
      // 2-letter code, lowercase
      out = lettersOnly(value).slice(0, 2);
      break;
    case 'country':
      // ISO-3166-1 alpha-2, lowercase
      out = lettersOnly(value).slice(0, 2);
      break;
    case 'zp': {
      const compact = value.toLowerCase().replace(/[\s-]/g, '');
      // US ZIP+4 → first 5 digits
      out = /^\d{9}$/.test(compact) ? compact.slice(0, 5) : compact;
      break;
    }
    case 'ge': {
      const first = value.toLowerCase()[0];
      out = first === 'f' || first === 'm' ? first : '';
      break;
    }
    case 'db':
      out = normalizeDateOfBirth(value) ?? '';
      break;
    case 'external_id':
      out = value;
      break;
  }
  return out ? out : undefined;
}

/** YYYYMMDD from YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or an ISO timestamp; undefined if unreadable. */
export function normalizeDateOfBirth(value: string | Date): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return `${value.getUTCFullYear()}${String(value.getUTCMonth() + 1).padStart(2, '0')}${String(value.getUTCDate()).padStart(2, '0')}`;
  }
  const match = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}${m}${d}`;
}

/** Normalise then hash; values that already are SHA-256 hex digests are kept as they are. */
export function hashUserDataValue(field: HashedField, raw: string): string | undefined {
  const trimmed = raw.trim();
  if (SHA256_HEX.test(trimmed)) return trimmed;
  const normalized = normalizeUserDataValue(field, trimmed);
  return normalized === undefined ? undefined : sha256Hex(normalized);
}

function toList(value: MaybeList | Date | undefined): (string | Date)[] {
  if (value === undefined) return [];
  if (value instanceof Date) return [value];
  return typeof value === 'string' ? [value] : [...value];
}

/** Builds the wire `user_data`: hashed contact fields as arrays, identifiers untouched. */
export function buildCapiUserData(input: CapiUserDataInput): CapiUserDataWire {
  const out: CapiUserDataWire = {};
  for (const field of HASHED_FIELDS) {
    const hashes = toList(input[field])
      .map((v) => (v instanceof Date ? (normalizeDateOfBirth(v) ? sha256Hex(normalizeDateOfBirth(v) as string) : undefined) : hashUserDataValue(field, v)))
      .filter((h): h is string => h !== undefined);
    if (hashes.length > 0) out[field] = [...new Set(hashes)];
  }
  for (const field of PASS_THROUGH_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== '') out[field] = value;
  }
  return out;
}
