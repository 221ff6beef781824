import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import { SIM_SEED } from '../seed/seed-data';
import { changeThreadControl, PAGE_INBOX_APP_ID, setAppRoles, threadOwner, type HandoverAction } from '../messenger/thread-control';
import { enforcePolicy } from '../messenger/page-policy';
import { customerOptsIn, customerTogglesNotifications } from '../messenger/optins';
import { badRequest, notFound, type Body, type Route } from './control-kit';

/** Messenger platform controls: Handover Protocol (other apps act), app roles, policy enforcement, opt-ins. */

function customerOf(ctx: SimContext, id: string): NonNullable<ReturnType<SimContext['store']['customers']['get']>> {
  return ctx.store.customers.get(id) ?? notFound(`Unknown customer ${id}`);
}

function pageOf(ctx: SimContext, id: string): NonNullable<ReturnType<SimContext['store']['pages']['get']>> {
  return ctx.store.pages.get(id) ?? notFound(`Unknown Page ${id}`);
}

function threadView(ctx: SimContext, customerId: string): Record<string, unknown> {
  const c = customerOf(ctx, customerId);
  const conv = ctx.store.conversationOf(c);
  const owner = threadOwner(ctx.store, conv);
  return { customerId: c.id, platform: c.platform, ownerAppId: owner, ownedByOurApp: owner === ctx.store.settings.appId, optins: conv.optins };
}

function pageView(ctx: SimContext, id: string): Record<string, unknown> {
  const p = pageOf(ctx, id);
  return { id: p.id, name: p.name, appRoles: p.appRoles, restriction: p.restriction ?? null };
}

function handover(ctx: SimContext, customerId: string, body: Body): Record<string, unknown> {
  const action = str(body['action']) as HandoverAction | undefined;
  if (!action || !['pass', 'take', 'request', 'release'].includes(action)) badRequest('action must be pass, take, request or release');
  const appId = str(body['appId']) ?? (action === 'take' ? PAGE_INBOX_APP_ID : SIM_SEED.otherApps.bot.id);
  const target = str(body['targetAppId']) ?? ctx.store.settings.appId;
  changeThreadControl(ctx, customerOf(ctx, customerId), appId, action, { target, metadata: str(body['metadata']) });
  return threadView(ctx, customerId);
}

export const messengerRoutes: Route[] = [
  ['GET', /^\/_sim\/apps$/, (ctx) => ({ data: [...ctx.store.apps.values()], ourAppId: ctx.store.settings.appId })],
  ['GET', /^\/_sim\/pages$/, (ctx) => ({ data: [...ctx.store.pages.keys()].map((id) => pageView(ctx, id)) })],
  ['GET', /^\/_sim\/pages\/([^/]+)$/, (ctx, m) => pageView(ctx, m[1] ?? '')],
  [
    'PUT',
    /^\/_sim\/pages\/([^/]+)\/app-roles$/,
    (ctx, m, body) => {
      const roles = body['roles'];
      if (!roles || typeof roles !== 'object' || Array.isArray(roles)) badRequest('roles must be an object {appId: ["primary_receiver"|"secondary_receiver"]}');
      const clean = Object.fromEntries(Object.entries(roles as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : [String(v)]]));
      setAppRoles(ctx, pageOf(ctx, m[1] ?? ''), clean);
      return pageView(ctx, m[1] ?? '');
    },
  ],
  [
    'POST',
    /^\/_sim\/pages\/([^/]+)\/policy$/,
    (ctx, m, body) => {
      const action = str(body['action']);
      if (action !== 'block' && action !== 'unblock' && action !== 'warning') badRequest('action must be block, unblock or warning');
      enforcePolicy(ctx, pageOf(ctx, m[1] ?? ''), action, str(body['reason']));
      return pageView(ctx, m[1] ?? '');
    },
  ],
  ['GET', /^\/_sim\/customers\/([^/]+)\/thread$/, (ctx, m) => threadView(ctx, m[1] ?? '')],
  ['POST', /^\/_sim\/customers\/([^/]+)\/handover$/, (ctx, m, body) => handover(ctx, m[1] ?? '', body)],
  [
    'POST',
    /^\/_sim\/customers\/([^/]+)\/optin$/,
    (ctx, m, body) => {
      const type = str(body['type']);
      if (type !== undefined && type !== 'notification_messages' && type !== 'send_to_messenger')
        badRequest('type must be notification_messages or send_to_messenger');
      return customerOptsIn(ctx, customerOf(ctx, m[1] ?? ''), { type, payload: str(body['payload']), ref: str(body['ref']), title: str(body['title']) });
    },
  ],
  ['POST', /^\/_sim\/customers\/([^/]+)\/optin\/(stop|resume)$/, (ctx, m) => customerTogglesNotifications(ctx, customerOf(ctx, m[1] ?? ''), m[2] === 'stop')],
];
