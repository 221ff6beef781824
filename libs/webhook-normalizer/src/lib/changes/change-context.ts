import type { NormalizedEventBase, UnsupportedEvent, UnsupportedReason } from '@ticklegram/domain-models';
import type { EntryContext } from '../normalize-context';
import type { JsonRecord } from '../read-values';
import { unsupportedEvent } from '../unsupported';

/** One `entry.changes[]` item whose entry has an id. */
export interface ChangeContext {
  change: JsonRecord;
  field: string;
  value: JsonRecord;
  ctx: EntryContext;
  channel: string;
}

export function changeBase(cc: ChangeContext, timestamp: number | null): Omit<NormalizedEventBase, 'dedupeKey'> {
  return {
    platform: cc.ctx.platform,
    channelExternalId: cc.channel,
    timestamp: timestamp ?? cc.ctx.entryTime,
    entryTime: cc.ctx.entryTime,
    via: 'changes',
    isTest: cc.ctx.isTest,
    raw: cc.change,
  };
}

export function unsupportedChange(cc: ChangeContext, reason: UnsupportedReason, detail: string): UnsupportedEvent {
  return unsupportedEvent({ reason, detail, raw: cc.change, field: cc.field, ctx: { ...cc.ctx, channelExternalId: cc.channel } });
}
