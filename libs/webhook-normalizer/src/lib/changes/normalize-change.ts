import type { NormalizedEvent } from '@ticklegram/domain-models';
import { normalizeMessagingItem } from '../messaging/normalize-messaging-item';
import type { EntryContext } from '../normalize-context';
import { asRecord, readString } from '../read-values';
import { unsupportedEvent } from '../unsupported';
import { unsupportedChange, type ChangeContext } from './change-context';
import { normalizeFeedChange } from './feed-changes';
import { normalizeIgComment, normalizeIgMention, normalizeIgStoryInsights } from './instagram-changes';
import { normalizePageMention } from './page-mention-change';
import { normalizeTemplateStatus } from './template-status-change';

/**
 * Messaging subscription fields. Real deliveries put messaging events in `messaging[]`; the App
 * Dashboard "Test" button sends them as `changes[{field, value}]` whose `value` is a messaging item
 * (e.g. `timestamp: "1527459824"`). Such a value is normalised as that messaging event, marked `isTest`.
 */
export const MESSAGING_CHANGE_FIELDS: ReadonlySet<string> = new Set([
  'messages',
  'message_echoes',
  'message_edit',
  'message_edits',
  'message_reactions',
  'message_deliveries',
  'message_reads',
  'messaging_seen',
  'messaging_postbacks',
  'messaging_referral',
  'messaging_referrals',
  'messaging_optins',
  'messaging_handover',
  'messaging_handovers',
  'messaging_policy_enforcement',
  'messaging_account_linking',
  'response_feedback',
  'standby',
]);

type ChangeHandler = (cc: ChangeContext) => NormalizedEvent;

const HANDLERS: Readonly<Record<string, ChangeHandler>> = {
  comments: normalizeIgComment,
  live_comments: normalizeIgComment,
  mentions: normalizeIgMention,
  story_insights: normalizeIgStoryInsights,
  feed: normalizeFeedChange,
  mention: normalizePageMention,
  message_template_status_update: normalizeTemplateStatus,
  messenger_template_status_update: normalizeTemplateStatus,
};

/** One `entry.changes[]` item → events. */
export function normalizeChange(raw: unknown, ctx: EntryContext): NormalizedEvent[] {
  const change = asRecord(raw);
  const field = readString(change?.['field']);
  const value = asRecord(change?.['value']);
  if (change === null || field === null || value === null) {
    return [unsupportedEvent({ reason: 'invalid_change', detail: 'change without field or object value', raw, field, ctx })];
  }
  if (MESSAGING_CHANGE_FIELDS.has(field)) {
    const testCtx: EntryContext = { ...ctx, isTest: true, via: field === 'standby' ? 'standby' : 'changes' };
    return normalizeMessagingItem(value, testCtx).map((e) => ({ ...e, raw: change }));
  }
  if (field === 'group_feed') {
    return normalizeMessagingItem({ ...value, field }, ctx).map((e) => ({ ...e, raw: change }));
  }
  if (ctx.channelExternalId === null) {
    return [unsupportedEvent({ reason: 'invalid_entry', detail: 'change in an entry without id', raw, field, ctx })];
  }
  const cc: ChangeContext = { change, field, value, ctx, channel: ctx.channelExternalId };
  const handler = HANDLERS[field];
  if (handler === undefined) return [unsupportedChange(cc, 'unknown_change_field', `change field "${field}" is not modelled`)];
  try {
    return [handler(cc)];
  } catch (error) {
    return [unsupportedChange(cc, 'normalizer_error', `${field}: ${error instanceof Error ? error.message : String(error)}`)];
  }
}
