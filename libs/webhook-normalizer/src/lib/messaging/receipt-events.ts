import type { DeliveryEvent, NormalizedEvent, ReactionEvent, ReadEvent } from '@ticklegram/domain-models';
import { dedupeKey } from '../dedupe-key';
import { asRecord, readArray, readString } from '../read-values';
import { toEpochMs } from '../timestamps';
import { conversationBase, invalidItem, type ItemContext } from './item-context';

/** `reaction {mid, action: react|unreact, reaction?, emoji?}`. A missing action means react. */
export function normalizeReaction(ic: ItemContext): NormalizedEvent {
  const reaction = asRecord(ic.item['reaction']);
  const mid = readString(reaction?.['mid']);
  if (reaction === null || mid === null) return invalidItem(ic, 'reaction', 'reaction without mid');
  const base = conversationBase(ic);
  const action = readString(reaction['action'])?.toLowerCase() === 'unreact' ? 'unreact' : 'react';
  const event: ReactionEvent = {
    ...base,
    type: 'reaction',
    dedupeKey: dedupeKey('reaction', mid, ic.senderId, action, ic.timestamp),
    mid,
    action,
    reaction: readString(reaction['reaction']),
    emoji: readString(reaction['emoji']),
  };
  return event;
}

/** `read {watermark}` (Messenger) or `read {mid}` (Instagram messaging_seen); both may be present. */
export function normalizeRead(ic: ItemContext): NormalizedEvent {
  const read = asRecord(ic.item['read']);
  const watermark = toEpochMs(read?.['watermark']);
  const mid = readString(read?.['mid']);
  if (read === null || (watermark === null && mid === null)) return invalidItem(ic, 'read', 'read without watermark or mid');
  const base = conversationBase(ic);
  const event: ReadEvent = {
    ...base,
    type: 'read',
    dedupeKey: dedupeKey('read', ic.channel, base.customerExternalId, base.actor, watermark ?? mid),
    watermark,
    mid,
  };
  return event;
}

/** `delivery {mids?, watermark}`; Meta's example has no `timestamp`, so the watermark stands in. */
export function normalizeDelivery(ic: ItemContext): NormalizedEvent {
  const delivery = asRecord(ic.item['delivery']);
  const watermark = toEpochMs(delivery?.['watermark']);
  const mids = readArray(delivery?.['mids'])
    .map(readString)
    .filter((m): m is string => m !== null);
  if (delivery === null || (watermark === null && mids.length === 0)) {
    return invalidItem(ic, 'delivery', 'delivery without watermark or mids');
  }
  const base = conversationBase(ic);
  const event: DeliveryEvent = {
    ...base,
    timestamp: toEpochMs(ic.item['timestamp']) ?? watermark ?? base.timestamp,
    type: 'delivery',
    dedupeKey: dedupeKey('delivery', ic.channel, base.customerExternalId, watermark, [...mids].sort().join(',')),
    mids,
    watermark,
  };
  return event;
}
