import { MessagePlatform, type NormalizedEvent } from '@ticklegram/domain-models';
import type { NormalizeOptions } from './normalize-context';
import { normalizeEntry } from './normalize-entry';
import { isRecord, readString } from './read-values';
import { unsupportedEvent } from './unsupported';

/** Meta `object` → platform. Messenger and Facebook Page changes come as `page`. */
export const OBJECT_PLATFORMS: Readonly<Record<string, MessagePlatform>> = {
  page: MessagePlatform.FACEBOOK,
  instagram: MessagePlatform.INSTAGRAM,
};

/** The platform of a Meta `object`, or undefined for objects we do not handle (own keys only). */
export function platformOfObject(object: string | null): MessagePlatform | undefined {
  return object !== null && Object.prototype.hasOwnProperty.call(OBJECT_PLATFORMS, object) ? OBJECT_PLATFORMS[object] : undefined;
}

/**
 * A Meta webhook body (already-parsed JSON, untrusted) → normalised events, in delivery order.
 * Never throws: anything malformed or unknown becomes an `unsupported` event carrying the raw piece,
 * and the other entries still normalise. An empty `entry` array gives no events.
 */
export function normalizeWebhook(body: unknown, options: NormalizeOptions = {}): NormalizedEvent[] {
  try {
    if (!isRecord(body)) {
      return [unsupportedEvent({ reason: 'invalid_body', detail: 'body is not a JSON object', raw: body })];
    }
    const object = readString(body['object']);
    const entries = body['entry'];
    if (!Array.isArray(entries)) {
      return [unsupportedEvent({ reason: 'invalid_body', detail: 'body has no entry array', raw: body, ctx: { object: object ?? undefined } })];
    }
    const platform = platformOfObject(object);
    if (platform === undefined) {
      return entries.map((entry) =>
        unsupportedEvent({
          reason: 'unknown_object',
          detail: `object "${object ?? ''}" is not handled`,
          raw: { object, entry },
          ctx: { object: object ?? undefined },
        }),
      );
    }
    const events: NormalizedEvent[] = [];
    for (const entry of entries) {
      try {
        events.push(...normalizeEntry(entry, object as string, platform, options));
      } catch (error) {
        events.push(
          unsupportedEvent({
            reason: 'normalizer_error',
            detail: error instanceof Error ? error.message : String(error),
            raw: entry,
            ctx: { object: object as string, platform },
          }),
        );
      }
    }
    return events;
  } catch (error) {
    return [unsupportedEvent({ reason: 'normalizer_error', detail: error instanceof Error ? error.message : String(error), raw: body })];
  }
}
