import type { MessagePlatform, NormalizedEvent } from '@ticklegram/domain-models';
import { normalizeChange } from './changes/normalize-change';
import { normalizeMessagingItem } from './messaging/normalize-messaging-item';
import type { EntryContext, NormalizeOptions } from './normalize-context';
import { isRecord, readId } from './read-values';
import { toEpochMs } from './timestamps';
import { unsupportedEvent } from './unsupported';

/** Entry id Meta uses in App-Dashboard sample payloads. */
const DASHBOARD_TEST_ENTRY_ID = '0';

/** One `entry[]` item of a known object: every `messaging[]`, `standby[]` and `changes[]` item, in that order. */
export function normalizeEntry(raw: unknown, object: string, platform: MessagePlatform, options: NormalizeOptions = {}): NormalizedEvent[] {
  const base = { object, platform };
  if (!isRecord(raw)) {
    return [unsupportedEvent({ reason: 'invalid_entry', detail: 'entry is not an object', raw, ctx: base })];
  }
  const channelExternalId = readId(raw['id']);
  const ctx: EntryContext = {
    ...base,
    channelExternalId,
    entryTime: toEpochMs(raw['time']),
    isTest: channelExternalId === DASHBOARD_TEST_ENTRY_ID,
    via: 'messaging',
    appId: options.appId,
  };
  const events: NormalizedEvent[] = [];
  let lists = 0;
  for (const [key, via] of [
    ['messaging', 'messaging'],
    ['standby', 'standby'],
  ] as const) {
    const list = raw[key];
    if (list === undefined || list === null) continue;
    lists++;
    if (!Array.isArray(list)) {
      events.push(unsupportedEvent({ reason: 'invalid_entry', detail: `entry.${key} is not an array`, raw, ctx: { ...ctx, via } }));
      continue;
    }
    for (const item of list) events.push(...normalizeMessagingItem(item, { ...ctx, via }));
  }
  const changes = raw['changes'];
  if (changes !== undefined && changes !== null) {
    lists++;
    if (Array.isArray(changes)) {
      for (const change of changes) events.push(...normalizeChange(change, { ...ctx, via: 'changes' }));
    } else {
      events.push(unsupportedEvent({ reason: 'invalid_entry', detail: 'entry.changes is not an array', raw, ctx: { ...ctx, via: 'changes' } }));
    }
  }
  if (lists === 0) {
    events.push(unsupportedEvent({ reason: 'invalid_entry', detail: 'entry has no messaging, standby or changes', raw, ctx }));
  }
  return events;
}
