import type { HandoverAction, NormalizedEvent } from '@ticklegram/domain-models';
import type { EntryContext } from '../normalize-context';
import { isRecord } from '../read-values';
import { unsupportedEvent } from '../unsupported';
import { normalizeGroupFeed } from './group-feed';
import { itemContext, type ItemContext } from './item-context';
import { normalizeMessage, normalizeMessageEdit, normalizeMessageUnsend } from './message-events';
import { normalizeDelivery, normalizeRead, normalizeReaction } from './receipt-events';
import {
  normalizeAccountLinking,
  normalizeHandover,
  normalizeOptin,
  normalizePolicyEnforcement,
  normalizePostback,
  normalizeReferralItem,
  normalizeResponseFeedback,
} from './thread-events';

type ItemHandler = (ic: ItemContext) => NormalizedEvent;

const handover =
  (action: HandoverAction): ItemHandler =>
  (ic) =>
    normalizeHandover(ic, action);

/** Messaging event keys → their normaliser. An item normally holds one; every recognised key is used. */
const HANDLERS: ReadonlyArray<readonly [string, ItemHandler]> = [
  ['message', normalizeMessage],
  ['message_edit', normalizeMessageEdit],
  ['message_unsend', normalizeMessageUnsend],
  ['reaction', normalizeReaction],
  ['read', normalizeRead],
  ['delivery', normalizeDelivery],
  ['postback', normalizePostback],
  ['referral', normalizeReferralItem],
  ['optin', normalizeOptin],
  ['pass_thread_control', handover('pass_thread_control')],
  ['take_thread_control', handover('take_thread_control')],
  ['request_thread_control', handover('request_thread_control')],
  ['app_roles', handover('app_roles')],
  ['policy-enforcement', (ic) => normalizePolicyEnforcement(ic, 'policy-enforcement')],
  ['policy_enforcement', (ic) => normalizePolicyEnforcement(ic, 'policy_enforcement')],
  ['response_feedback', normalizeResponseFeedback],
  ['account_linking', normalizeAccountLinking],
];

/** Keys every messaging item may carry besides its event. */
const ENVELOPE_KEYS = new Set(['sender', 'recipient', 'timestamp']);

function guarded(handler: ItemHandler, ic: ItemContext, field: string): NormalizedEvent {
  try {
    return handler(ic);
  } catch (error) {
    return unsupportedEvent({
      reason: 'normalizer_error',
      detail: `${field}: ${error instanceof Error ? error.message : String(error)}`,
      raw: ic.item,
      field,
      ctx: { ...ic.ctx, channelExternalId: ic.channel },
    });
  }
}

/** One item of `entry.messaging[]` / `entry.standby[]` (or a messaging-style change value) → events. */
export function normalizeMessagingItem(raw: unknown, ctx: EntryContext): NormalizedEvent[] {
  if (!isRecord(raw)) {
    return [unsupportedEvent({ reason: 'invalid_messaging_event', detail: 'messaging item is not an object', raw, ctx })];
  }
  const ic = itemContext(raw, ctx);
  if (ic === null) {
    return [unsupportedEvent({ reason: 'invalid_messaging_event', detail: 'no entry id and no sender/recipient id', raw, ctx })];
  }
  if (raw['field'] === 'group_feed' || ('group_id' in raw && !('message' in raw))) {
    return [guarded(normalizeGroupFeed, ic, 'group_feed')];
  }
  const events = HANDLERS.filter(([key]) => key in raw && raw[key] !== undefined).map(([key, handler]) => guarded(handler, ic, key));
  if (events.length > 0) return events;
  const keys = Object.keys(raw).filter((k) => !ENVELOPE_KEYS.has(k));
  return [
    unsupportedEvent({
      reason: 'unknown_messaging_event',
      detail: keys.length > 0 ? `unknown messaging key(s): ${keys.join(', ')}` : 'messaging item without an event',
      raw,
      field: keys[0] ?? null,
      ctx: { ...ctx, channelExternalId: ic.channel },
      timestamp: ic.timestamp,
    }),
  ];
}
