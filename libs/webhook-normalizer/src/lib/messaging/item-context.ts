import type { ConversationEventBase } from '@ticklegram/domain-models';
import type { EntryContext } from '../normalize-context';
import { readId, readPath, type JsonRecord } from '../read-values';
import { toEpochMs } from '../timestamps';
import { unsupportedEvent } from '../unsupported';
import type { UnsupportedEvent } from '@ticklegram/domain-models';

/** One `messaging[]` / `standby[]` item with what every event built from it shares. */
export interface ItemContext {
  item: JsonRecord;
  ctx: EntryContext;
  channel: string;
  senderId: string | null;
  recipientId: string | null;
  timestamp: number | null;
}

export function itemContext(item: JsonRecord, ctx: EntryContext): ItemContext | null {
  const senderId = readId(readPath(item, 'sender', 'id'));
  const recipientId = readId(readPath(item, 'recipient', 'id'));
  const isEcho = readPath(item, 'message', 'is_echo') === true;
  // Without entry.id the business is the recipient of inbound items and the sender of echoes.
  const channel = ctx.channelExternalId ?? (isEcho ? senderId : recipientId);
  if (channel === null) return null;
  return { item, ctx, channel, senderId, recipientId, timestamp: toEpochMs(item['timestamp']) ?? ctx.entryTime };
}

/**
 * Base fields of a conversation event. The business side is whichever party is the channel
 * (or the sender of an echo); the other party is the customer.
 */
export function conversationBase(ic: ItemContext, isEcho = false): Omit<ConversationEventBase, 'dedupeKey'> {
  const fromBusiness = isEcho || (ic.senderId !== null && ic.senderId === ic.channel && ic.recipientId !== ic.channel);
  return {
    platform: ic.ctx.platform,
    channelExternalId: ic.channel,
    businessExternalId: fromBusiness ? ic.senderId : ic.recipientId,
    customerExternalId: fromBusiness ? ic.recipientId : ic.senderId,
    actor: fromBusiness ? 'business' : 'customer',
    isStandby: ic.ctx.via === 'standby',
    timestamp: ic.timestamp,
    entryTime: ic.ctx.entryTime,
    via: ic.ctx.via,
    isTest: ic.ctx.isTest,
    raw: ic.item,
  };
}

export function invalidItem(ic: ItemContext, field: string, detail: string): UnsupportedEvent {
  return unsupportedEvent({
    reason: 'invalid_messaging_event',
    detail,
    raw: ic.item,
    field,
    ctx: { ...ic.ctx, channelExternalId: ic.channel },
    timestamp: ic.timestamp,
  });
}
