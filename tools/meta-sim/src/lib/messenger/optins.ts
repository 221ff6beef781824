import { createHash } from 'node:crypto';
import type { SimCustomer, SimOptin } from '../state/model';
import type { SimContext } from '../sim-context';
import { optinEvent } from '../webhooks/platform-events';

/**
 * `messaging_optins`: a Messenger customer opts in to Marketing Messages (`notification_messages`,
 * with a token) or taps a Send to Messenger plugin (`ref`); later stops or resumes notifications.
 */

export class OptinError extends Error {}

export interface OptinInput {
  type?: 'notification_messages' | 'send_to_messenger';
  payload?: string;
  ref?: string;
  title?: string;
}

export function customerOptsIn(ctx: SimContext, customer: SimCustomer, input: OptinInput): SimOptin {
  if (customer.platform !== 'messenger') throw new OptinError('Opt-ins exist only on Messenger');
  const conv = ctx.store.conversationOf(customer);
  const at = Date.now();
  const type = input.type ?? 'notification_messages';
  const optin: SimOptin = { type, payload: input.payload, ref: input.ref, title: input.title, status: 'ACTIVE', at };
  if (type === 'notification_messages') {
    optin.token = createHash('sha256')
      .update(`${customer.id}:${conv.optins.length}:${input.title ?? ''}`)
      .digest('hex')
      .slice(0, 32);
  }
  conv.optins.push(optin);
  ctx.webhooks.enqueue(optinEvent(customer, optin));
  ctx.store.changed('conversation', conv.id);
  return optin;
}

/** Stop or resume Marketing Messages from the latest notification opt-in. */
export function customerTogglesNotifications(ctx: SimContext, customer: SimCustomer, stop: boolean): SimOptin {
  const conv = ctx.store.conversationOf(customer);
  const optin = [...conv.optins].reverse().find((o) => o.type === 'notification_messages');
  if (!optin) throw new OptinError('The customer has not opted in to notifications');
  optin.status = stop ? 'STOPPED' : 'ACTIVE';
  ctx.webhooks.enqueue(optinEvent(customer, optin, stop ? 'STOP_NOTIFICATIONS' : 'RESUME_NOTIFICATIONS'));
  ctx.store.changed('conversation', conv.id);
  return optin;
}
