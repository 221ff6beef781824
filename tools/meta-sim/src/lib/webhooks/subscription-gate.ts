import type { SimStore } from '../state/store';
import type { WebhookEvent } from './webhook-event';

/** Meta delivers an account's events only for the fields the app subscribed to on that account. */

const ECHO_FIELDS_IG = ['messages', 'message_echoes'];
/** The reference lists two names for the utility-template status field; an app subscribed to either gets it under that name. */
const FIELD_ALIASES: Record<string, string> = { messenger_template_status_update: 'message_template_status_update' };

/** The subscription that gates an account's events (an IG account linked to a Page uses the Page's). */
export function subscriptionKey(store: SimStore, accountId: string): string {
  const ig = store.instagramAccounts.get(accountId);
  return ig?.via === 'page' && ig.pageId ? ig.pageId : accountId;
}

export function isSubscribed(store: SimStore, event: WebhookEvent): boolean {
  const fieldOk = (fields: string[]): boolean =>
    fields.includes(event.field) || (event.field === 'message_echoes' && event.object === 'instagram' && ECHO_FIELDS_IG.some((f) => fields.includes(f)));
  if (event.object === 'page') {
    const sub = store.subscriptions.get(event.accountId);
    return !!sub && sub.active && sub.appId === store.settings.appId && fieldOk(sub.fields);
  }
  const ig = store.instagramAccounts.get(event.accountId);
  if (!ig) return false;
  if (ig.via === 'page' && ig.pageId) {
    const pageSub = store.subscriptions.get(ig.pageId);
    return !!pageSub && pageSub.active && fieldOk(store.settings.instagramAppFields);
  }
  const sub = store.subscriptions.get(ig.id);
  return !!sub && sub.active && fieldOk(sub.fields);
}

/** The event under the name of its field the app subscribed to, when that is the field's other name. */
export function underSubscribedName(store: SimStore, event: WebhookEvent): WebhookEvent {
  const alias = FIELD_ALIASES[event.field];
  if (!alias || isSubscribed(store, event)) return event;
  const renamed: WebhookEvent = { ...event, field: alias, item: { ...event.item, field: alias } };
  return isSubscribed(store, renamed) ? renamed : event;
}
