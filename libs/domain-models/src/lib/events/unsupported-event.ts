import type { MessagePlatform } from '../enums';
import type { NormalizedEventBase, WebhookVia } from './event-parts';

/**
 * Why a fragment became `unsupported`:
 * - `invalid_*`: the shape is broken (not an object, missing ids);
 * - `unknown_*`: well-formed but a kind we do not model (new Meta field, other object such as WhatsApp);
 * - `normalizer_error`: an unexpected failure inside the normalizer (a bug — the fragment is kept).
 */
export type UnsupportedReason =
  | 'invalid_body'
  | 'invalid_entry'
  | 'invalid_messaging_event'
  | 'invalid_change'
  | 'unknown_object'
  | 'unknown_messaging_event'
  | 'unknown_change_field'
  | 'unknown_feed_item'
  | 'normalizer_error';

/** Anything the normalizer could not turn into a typed event. Stored and shown, never dropped. */
export interface UnsupportedEvent extends Omit<NormalizedEventBase, 'platform' | 'channelExternalId' | 'via'> {
  type: 'unsupported';
  platform: MessagePlatform | null;
  channelExternalId: string | null;
  /** Null when the whole body or entry was unusable. */
  via: WebhookVia | null;
  reason: UnsupportedReason;
  /** Human-readable detail, e.g. `unknown messaging key "game_play"`. */
  detail: string;
  /** Meta's `object` of the body, when there was one. */
  object: string | null;
  /** The change `field`, or the messaging event key, when known. */
  field: string | null;
}
