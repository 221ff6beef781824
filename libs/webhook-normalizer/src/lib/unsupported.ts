import type { UnsupportedEvent, UnsupportedReason } from '@ticklegram/domain-models';
import { dedupeKey, fingerprint, serializable } from './dedupe-key';
import type { EntryContext } from './normalize-context';

export interface UnsupportedInput {
  reason: UnsupportedReason;
  detail: string;
  raw: unknown;
  field?: string | null;
  ctx?: Partial<EntryContext>;
  timestamp?: number | null;
}

/** Wraps a fragment the normaliser cannot type, keeping it whole for storage and replay. */
export function unsupportedEvent(input: UnsupportedInput): UnsupportedEvent {
  const ctx = input.ctx ?? {};
  const channel = ctx.channelExternalId ?? null;
  return {
    type: 'unsupported',
    platform: ctx.platform ?? null,
    channelExternalId: channel,
    dedupeKey: dedupeKey('unsupported', channel, input.reason, fingerprint(input.raw)),
    timestamp: input.timestamp ?? ctx.entryTime ?? null,
    entryTime: ctx.entryTime ?? null,
    via: ctx.via ?? null,
    isTest: ctx.isTest ?? false,
    // kept whole for storage and replay, unless it cannot be stored at all (hostile nesting)
    raw: input.raw === undefined || serializable(input.raw) !== null ? input.raw : { notStored: 'nested too deeply to store' },
    reason: input.reason,
    detail: input.detail,
    object: ctx.object ?? null,
    field: input.field ?? null,
  };
}
