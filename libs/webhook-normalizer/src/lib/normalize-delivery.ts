import type { MessagePlatform, NormalizedEvent } from '@ticklegram/domain-models';
import type { NormalizeOptions } from './normalize-context';
import { normalizeWebhook, platformOfObject } from './normalize-webhook';
import { isRecord, readId, readString } from './read-values';

/** What intake stores about a delivery before anything is applied (no event normalisation). */
export interface DeliverySummary {
  /** Meta's `object` (`page`, `instagram`, …) as sent, or null. */
  object: string | null;
  /** `entry[0].id`: the account the delivery is for (Page id or IG account id), or null. */
  firstEntryId: string | null;
  entryCount: number;
}

/** A delivery as the worker needs it: its events plus the accounts its entries name. */
export interface NormalizedDelivery extends DeliverySummary {
  /** The platform of `object`, or null for an object we do not handle. */
  platform: MessagePlatform | null;
  /** Distinct `entry[].id`s in delivery order (each counts as a webhook received for that account). */
  entryIds: string[];
  events: NormalizedEvent[];
}

function entriesOf(body: unknown): unknown[] {
  const entries = isRecord(body) ? body['entry'] : undefined;
  return Array.isArray(entries) ? entries : [];
}

function entryId(entry: unknown): string | null {
  return isRecord(entry) ? readId(entry['id']) : null;
}

/** Object, first entry id and entry count of a parsed body. Never throws. */
export function describeDelivery(body: unknown): DeliverySummary {
  const entries = entriesOf(body);
  return {
    object: isRecord(body) ? readString(body['object']) : null,
    firstEntryId: entries.length ? entryId(entries[0]) : null,
    entryCount: entries.length,
  };
}

/**
 * {@link normalizeWebhook} plus what a worker needs of the envelope, so nothing else reads the raw body.
 * Never throws.
 */
export function normalizeDelivery(body: unknown, options: NormalizeOptions = {}): NormalizedDelivery {
  const summary = describeDelivery(body);
  const platform = platformOfObject(summary.object) ?? null;
  const entryIds =
    platform === null
      ? []
      : [
          ...new Set(
            entriesOf(body)
              .map(entryId)
              .filter((id): id is string => id !== null),
          ),
        ];
  return { ...summary, platform, entryIds, events: normalizeWebhook(body, options) };
}
