import type { SimConversation, SimCustomer, SimPage } from '../state/model';
import type { SimContext } from '../sim-context';
import type { SimStore } from '../state/store';
import type { WebhookEvent } from '../webhooks/webhook-event';
import { appRolesEvent, passThreadControlEvent, requestThreadControlEvent, takeThreadControlEvent } from '../webhooks/platform-events';

/**
 * Messenger Handover Protocol: which app owns each thread, and what each app is told when control
 * moves. The sim delivers webhooks for one app (ours, `settings.appId`); the Page Inbox and a bot
 * app are the other apps. Instagram has no handover since 2025-10-23 (reference §3.5).
 */

/** Page Inbox app id that Meta puts on echoes of replies typed in Meta Business Suite (reference §2). */
export const PAGE_INBOX_APP_ID = '263902037430900';
export const PRIMARY_RECEIVER = 'primary_receiver';
export const SECONDARY_RECEIVER = 'secondary_receiver';
export type HandoverAction = 'pass' | 'take' | 'request' | 'release';

export class HandoverError extends Error {
  constructor(
    readonly reason: 'instagram' | 'not_owner' | 'not_primary' | 'unknown_app' | 'same_app' | 'no_role' | 'already_owner',
    message: string,
  ) {
    super(message);
  }
}

/** Fields whose events belong to a thread and go to `standby[]` for apps that don't own it. */
const THREAD_FIELDS = new Set([
  'messages',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'message_reactions',
  'message_edits',
  'messaging_postbacks',
  'messaging_referrals',
]);

export function primaryReceiver(page: SimPage): string | undefined {
  return Object.entries(page.appRoles).find(([, roles]) => roles.includes(PRIMARY_RECEIVER))?.[0];
}

export function threadOwner(store: SimStore, conv: SimConversation): string | undefined {
  if (conv.platform !== 'messenger') return store.settings.appId;
  const page = store.pages.get(conv.accountId);
  return conv.threadOwnerAppId ?? (page ? primaryReceiver(page) : undefined) ?? store.settings.appId;
}

export function ownedByAnotherApp(store: SimStore, conv: SimConversation): boolean {
  return conv.platform === 'messenger' && threadOwner(store, conv) !== store.settings.appId;
}

/** Thread events for a thread our app doesn't own arrive in `standby[]`; postbacks there carry no payload. */
export function routeForThreadOwner(store: SimStore, event: WebhookEvent): WebhookEvent {
  if (event.object !== 'page' || event.kind !== 'messaging' || !THREAD_FIELDS.has(event.field)) return event;
  const sender = (event.item['sender'] as { id?: string } | undefined)?.id;
  const recipient = (event.item['recipient'] as { id?: string } | undefined)?.id;
  const psid = sender === event.accountId ? recipient : sender;
  const customer = psid ? store.customerByAccount(event.accountId, psid) : undefined;
  if (!customer) return event;
  const conv = store.conversationOf(customer);
  if (!ownedByAnotherApp(store, conv)) return event;
  const item = { ...event.item };
  const postback = item['postback'] as Record<string, unknown> | undefined;
  if (postback) {
    const stripped = { ...postback };
    delete stripped['payload'];
    item['postback'] = stripped;
  }
  return { ...event, kind: 'standby', field: 'standby', item };
}

function knownApp(store: SimStore, page: SimPage, appId: string): boolean {
  return appId === PAGE_INBOX_APP_ID || (store.apps.has(appId) && page.appRoles[appId] !== undefined);
}

/**
 * `actor` (an app id) passes / takes / requests / releases control of `customer`'s thread, checked
 * like Meta does; our app receives the webhook Meta would send it.
 */
export function changeThreadControl(
  ctx: SimContext,
  customer: SimCustomer,
  actor: string,
  action: HandoverAction,
  options: { target?: string; metadata?: string } = {},
): { owner: string | undefined } {
  const s = ctx.store;
  if (customer.platform !== 'messenger') {
    throw new HandoverError('instagram', 'The Handover Protocol is not available for Instagram since 2025-10-23 (Conversation Routing)');
  }
  const page = s.pages.get(customer.accountId);
  if (!page) throw new HandoverError('unknown_app', `Unknown Page ${customer.accountId}`);
  const conv = s.conversationOf(customer);
  const owner = threadOwner(s, conv);
  const primary = primaryReceiver(page);
  const ours = s.settings.appId;
  const now = Date.now();
  if (!knownApp(s, page, actor)) throw new HandoverError('no_role', `App ${actor} has no role on this Page`);
  switch (action) {
    case 'pass': {
      const target = options.target ?? '';
      if (!knownApp(s, page, target)) throw new HandoverError('unknown_app', `Invalid target_app_id ${target}: the app has no role on this Page`);
      if (target === actor) throw new HandoverError('same_app', 'Cannot pass thread control to the app that holds it');
      if (owner !== actor && primary !== actor) throw new HandoverError('not_owner', 'Only the thread owner or the primary receiver can pass thread control');
      conv.threadOwnerAppId = target;
      if (target === ours && actor !== ours) ctx.webhooks.enqueue(passThreadControlEvent(customer, now, owner ?? actor, target, options.metadata));
      break;
    }
    case 'take': {
      // The Page Inbox (a person in Meta Business Suite) can take over any conversation.
      if (primary !== actor && actor !== PAGE_INBOX_APP_ID) throw new HandoverError('not_primary', 'Only the primary receiver can take thread control');
      if (owner === actor) break;
      conv.threadOwnerAppId = actor;
      if (owner === ours) ctx.webhooks.enqueue(takeThreadControlEvent(customer, now, ours, actor, options.metadata));
      break;
    }
    case 'request': {
      if (owner === actor) throw new HandoverError('already_owner', 'The app already owns this thread');
      if (owner === ours) ctx.webhooks.enqueue(requestThreadControlEvent(customer, now, actor, options.metadata));
      break;
    }
    case 'release': {
      if (owner !== actor) throw new HandoverError('not_owner', 'Only the thread owner can release thread control');
      if (actor === primary) break;
      conv.threadOwnerAppId = undefined;
      if (primary === ours) ctx.webhooks.enqueue(passThreadControlEvent(customer, now, actor, ours, options.metadata));
      break;
    }
  }
  s.changed('conversation', conv.id);
  return { owner: threadOwner(s, conv) };
}

/** Replaces the Page's app roles (exactly one primary receiver); our app hears `app_roles` if its roles changed. */
export function setAppRoles(ctx: SimContext, page: SimPage, roles: Record<string, string[]>): void {
  const s = ctx.store;
  const primaries = Object.entries(roles).filter(([, r]) => r.includes(PRIMARY_RECEIVER));
  if (primaries.length !== 1) throw new HandoverError('not_primary', 'Exactly one app must be the primary receiver');
  for (const [appId, r] of Object.entries(roles)) {
    if (!s.apps.has(appId)) throw new HandoverError('unknown_app', `Unknown app ${appId}`);
    if (r.some((role) => role !== PRIMARY_RECEIVER && role !== SECONDARY_RECEIVER))
      throw new HandoverError('no_role', `Roles must be ${PRIMARY_RECEIVER} or ${SECONDARY_RECEIVER}`);
  }
  const ours = s.settings.appId;
  const before = JSON.stringify(page.appRoles[ours] ?? []);
  page.appRoles = Object.fromEntries(Object.entries(roles).map(([k, v]) => [k, [...v]]));
  for (const conv of s.conversations.values()) {
    if (conv.accountId === page.id && conv.threadOwnerAppId && !page.appRoles[conv.threadOwnerAppId] && conv.threadOwnerAppId !== PAGE_INBOX_APP_ID)
      conv.threadOwnerAppId = undefined;
  }
  if (JSON.stringify(page.appRoles[ours] ?? []) !== before) ctx.webhooks.enqueue(appRolesEvent(page.id, Date.now(), { [ours]: page.appRoles[ours] ?? [] }));
  s.changed('page', page.id);
}
