import type {
  AccountLinkingEvent,
  HandoverAction,
  HandoverEvent,
  NormalizedEvent,
  OptinEvent,
  PolicyEnforcementEvent,
  PostbackEvent,
  ReferralEvent,
  ResponseFeedbackEvent,
} from '@ticklegram/domain-models';
import { dedupeKey } from '../dedupe-key';
import { asRecord, readArray, readId, readPath, readString } from '../read-values';
import { normalizeReferral } from '../referral';
import { toEpochMs } from '../timestamps';
import { conversationBase, invalidItem, type ItemContext } from './item-context';

/** `postback {mid?, title, payload, referral?}`; standby postbacks carry no payload. */
export function normalizePostback(ic: ItemContext): NormalizedEvent {
  const postback = asRecord(ic.item['postback']);
  if (postback === null) return invalidItem(ic, 'postback', 'postback is not an object');
  const base = conversationBase(ic);
  const mid = readString(postback['mid']);
  const payload = readString(postback['payload']);
  const event: PostbackEvent = {
    ...base,
    type: 'postback',
    dedupeKey: mid !== null ? dedupeKey('postback', ic.channel, mid) : dedupeKey('postback', ic.channel, base.customerExternalId, ic.timestamp, payload),
    mid,
    title: readString(postback['title']),
    payload,
    referral: normalizeReferral(postback['referral']),
  };
  return event;
}

/** `referral {...}` on an existing thread. */
export function normalizeReferralItem(ic: ItemContext): NormalizedEvent {
  const referral = normalizeReferral(ic.item['referral']);
  if (referral === null) return invalidItem(ic, 'referral', 'referral is not an object');
  const base = conversationBase(ic);
  const event: ReferralEvent = {
    ...base,
    type: 'referral',
    dedupeKey: dedupeKey('referral', ic.channel, base.customerExternalId, ic.timestamp, referral.ref ?? referral.adId),
    referral,
  };
  return event;
}

/** `optin {...}` (messaging_optins). The person may be identified only by `sender.user_ref` / `optin.user_ref`. */
export function normalizeOptin(ic: ItemContext): NormalizedEvent {
  const optin = asRecord(ic.item['optin']);
  if (optin === null) return invalidItem(ic, 'optin', 'optin is not an object');
  const base = conversationBase(ic);
  const userRef = readString(optin['user_ref']) ?? readString(readPath(ic.item, 'sender', 'user_ref'));
  const optinType = readString(optin['type']);
  const event: OptinEvent = {
    ...base,
    type: 'optin',
    dedupeKey: dedupeKey('optin', ic.channel, base.customerExternalId ?? userRef, ic.timestamp, optinType),
    optinType,
    payload: readString(optin['payload']),
    ref: readString(optin['ref']),
    userRef,
    notificationMessagesToken: readString(optin['notification_messages_token']) ?? readString(optin['one_time_notif_token']),
    notificationMessagesStatus: readString(optin['notification_messages_status']) ?? readString(optin['user_token_status']),
    tokenExpiresAt: toEpochMs(optin['token_expiry_timestamp']),
    title: readString(optin['title']),
    timezone: readString(optin['notification_messages_timezone']),
  };
  return event;
}

function appRoles(raw: unknown): Record<string, string[]> | null {
  const rec = asRecord(raw);
  if (rec === null) return null;
  const out: Record<string, string[]> = {};
  for (const [appId, roles] of Object.entries(rec)) {
    out[appId] = readArray(roles)
      .map(readString)
      .filter((r): r is string => r !== null);
  }
  return out;
}

/** Handover protocol: pass / take / request thread control, app_roles. */
export function normalizeHandover(ic: ItemContext, action: HandoverAction): NormalizedEvent {
  const body = ic.item[action];
  const rec = asRecord(body);
  if (rec === null) return invalidItem(ic, action, `${action} is not an object`);
  const base = conversationBase(ic);
  const isRoles = action === 'app_roles';
  const event: HandoverEvent = {
    ...base,
    type: 'handover',
    dedupeKey: dedupeKey('handover', ic.channel, action, base.customerExternalId, ic.timestamp),
    action,
    previousOwnerAppId: isRoles ? null : readId(rec['previous_owner_app_id']),
    newOwnerAppId: isRoles ? null : readId(rec['new_owner_app_id']),
    requestedOwnerAppId: isRoles ? null : readId(rec['requested_owner_app_id']),
    metadata: isRoles ? null : readString(rec['metadata']),
    appRoles: isRoles ? appRoles(rec) : null,
  };
  return event;
}

/** `policy-enforcement` (as captured) or `policy_enforcement`: `{action, reason}`, usually without a sender. */
export function normalizePolicyEnforcement(ic: ItemContext, key: string): NormalizedEvent {
  const policy = asRecord(ic.item[key]);
  if (policy === null) return invalidItem(ic, key, `${key} is not an object`);
  const action = readString(policy['action']);
  const event: PolicyEnforcementEvent = {
    ...conversationBase(ic),
    type: 'policy_enforcement',
    dedupeKey: dedupeKey('policy', ic.channel, action, ic.timestamp),
    action,
    reason: readString(policy['reason']),
  };
  return event;
}

/** `response_feedback {mid, feedback}`. */
export function normalizeResponseFeedback(ic: ItemContext): NormalizedEvent {
  const feedback = asRecord(ic.item['response_feedback']);
  if (feedback === null) return invalidItem(ic, 'response_feedback', 'response_feedback is not an object');
  const base = conversationBase(ic);
  const mid = readString(feedback['mid']);
  const event: ResponseFeedbackEvent = {
    ...base,
    type: 'response_feedback',
    dedupeKey: dedupeKey('response_feedback', ic.channel, base.customerExternalId, mid ?? ic.timestamp),
    mid,
    feedback: readString(feedback['feedback']),
  };
  return event;
}

/** `account_linking {status: linked|unlinked, authorization_code?}`. */
export function normalizeAccountLinking(ic: ItemContext): NormalizedEvent {
  const linking = asRecord(ic.item['account_linking']);
  if (linking === null) return invalidItem(ic, 'account_linking', 'account_linking is not an object');
  const base = conversationBase(ic);
  const status = readString(linking['status']);
  const event: AccountLinkingEvent = {
    ...base,
    type: 'account_linking',
    dedupeKey: dedupeKey('account_linking', ic.channel, base.customerExternalId, status, ic.timestamp),
    status,
    authorizationCode: readString(linking['authorization_code']),
  };
  return event;
}
