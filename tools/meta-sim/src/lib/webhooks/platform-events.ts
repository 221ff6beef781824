import type { SimCustomer, SimOptin } from '../state/model';
import type { WebhookEvent } from './webhook-event';

/**
 * Messenger platform events (reference §2): Handover Protocol (`messaging_handovers`), opt-ins
 * (`messaging_optins`) and policy enforcement (`messaging_policy_enforcement`). Shapes follow the
 * fixtures in /work/shared/fixtures/meta-webhooks (fb-handover-*.json).
 */

function threadItem(c: SimCustomer, at: number, body: Record<string, unknown>): Record<string, unknown> {
  return { sender: { id: c.id }, recipient: { id: c.accountId }, timestamp: at, ...body };
}

export function passThreadControlEvent(c: SimCustomer, at: number, previousOwner: string, newOwner: string, metadata?: string): WebhookEvent {
  const body: Record<string, unknown> = { previous_owner_app_id: previousOwner, new_owner_app_id: newOwner };
  if (metadata !== undefined) body['metadata'] = metadata;
  return { object: 'page', accountId: c.accountId, field: 'messaging_handovers', kind: 'messaging', item: threadItem(c, at, { pass_thread_control: body }) };
}

export function takeThreadControlEvent(c: SimCustomer, at: number, previousOwner: string, newOwner: string, metadata?: string): WebhookEvent {
  const body: Record<string, unknown> = { previous_owner_app_id: previousOwner, new_owner_app_id: newOwner };
  if (metadata !== undefined) body['metadata'] = metadata;
  return { object: 'page', accountId: c.accountId, field: 'messaging_handovers', kind: 'messaging', item: threadItem(c, at, { take_thread_control: body }) };
}

/** The requesting app id is a number in Meta's payload (fixture fb-handover-request-thread-control.json). */
export function requestThreadControlEvent(c: SimCustomer, at: number, requestedOwner: string, metadata?: string): WebhookEvent {
  const body: Record<string, unknown> = { requested_owner_app_id: Number(requestedOwner) };
  if (metadata !== undefined) body['metadata'] = metadata;
  return { object: 'page', accountId: c.accountId, field: 'messaging_handovers', kind: 'messaging', item: threadItem(c, at, { request_thread_control: body }) };
}

export function appRolesEvent(pageId: string, at: number, roles: Record<string, string[]>): WebhookEvent {
  return {
    object: 'page',
    accountId: pageId,
    field: 'messaging_handovers',
    kind: 'messaging',
    item: { recipient: { id: pageId }, timestamp: at, app_roles: roles },
  };
}

export function optinEvent(c: SimCustomer, optin: SimOptin, change?: 'STOP_NOTIFICATIONS' | 'RESUME_NOTIFICATIONS'): WebhookEvent {
  const body: Record<string, unknown> = {};
  if (optin.type === 'send_to_messenger') {
    body['ref'] = optin.ref ?? '';
  } else {
    Object.assign(body, {
      type: 'notification_messages',
      payload: optin.payload ?? '',
      notification_messages_token: optin.token,
      notification_messages_timezone: 'UTC',
      token_expiry_timestamp: optin.at + 365 * 86_400_000,
      user_token_status: 'REFRESHED',
      title: optin.title ?? 'Updates',
    });
    if (change) body['notification_messages_status'] = change;
  }
  return { object: 'page', accountId: c.accountId, field: 'messaging_optins', kind: 'messaging', item: threadItem(c, Date.now(), { optin: body }) };
}

/** Meta's key is hyphenated and the item has no sender (reference §2). */
export function policyEnforcementEvent(pageId: string, at: number, action: 'block' | 'unblock' | 'warning', reason: string): WebhookEvent {
  return {
    object: 'page',
    accountId: pageId,
    field: 'messaging_policy_enforcement',
    kind: 'messaging',
    item: { recipient: { id: pageId }, timestamp: at, 'policy-enforcement': { action, reason } },
  };
}
