import type { SimContext } from '../sim-context';
import { obj, str } from '../http/request';
import { changeThreadControl, HandoverError, primaryReceiver, threadOwner, type HandoverAction } from '../messenger/thread-control';
import type { AuthContext } from './auth';
import { Errors, GraphError } from './graph-error';
import { resolveSendTarget } from './send-api';

/**
 * Handover Protocol endpoints on a Page (Page token, `pages_messaging`): `POST pass_thread_control |
 * take_thread_control | request_thread_control | release_thread_control`, `GET thread_owner?recipient=`,
 * `GET secondary_receivers`. The calling app is the token's app.
 */

export const HANDOVER_EDGES = [
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
  'release_thread_control',
  'thread_owner',
  'secondary_receivers',
];

function toGraphError(err: unknown): unknown {
  if (!(err instanceof HandoverError)) return err;
  if (err.reason === 'instagram') return Errors.param(err.message, 2534037);
  if (err.reason === 'unknown_app' || err.reason === 'same_app') return Errors.param(err.message);
  return new GraphError(403, 10, `(#10) ${err.message}`, 'OAuthException');
}

function customerFor(ctx: SimContext, auth: AuthContext, nodeId: string, recipientId: string | undefined): ReturnType<SimContext['store']['customers']['get']> {
  const target = resolveSendTarget(ctx, auth, nodeId);
  const customer = recipientId ? target.accountIds.map((a) => ctx.store.customerByAccount(a, recipientId)).find(Boolean) : undefined;
  if (!customer) throw Errors.param('No matching user found', 2018001);
  return customer;
}

export function handleHandover(
  ctx: SimContext,
  auth: AuthContext,
  method: string,
  nodeId: string,
  edge: string,
  params: Record<string, unknown>,
): Record<string, unknown> {
  const s = ctx.store;
  const pageId = nodeId === 'me' ? auth.token.subjectId : nodeId;
  const page = s.pages.get(pageId);
  if (!page || !auth.accountIds.has(pageId)) throw Errors.unsupportedGet(`${nodeId}/${edge}`, method.toLowerCase());
  const appId = auth.token.appId;
  if (method === 'GET' && edge === 'thread_owner') {
    const customer = customerFor(ctx, auth, pageId, str(params['recipient']));
    if (customer?.platform !== 'messenger')
      throw toGraphError(new HandoverError('instagram', 'The Handover Protocol is not available for Instagram since 2025-10-23 (Conversation Routing)'));
    return { data: [{ thread_owner: { app_id: threadOwner(s, s.conversationOf(customer)) } }] };
  }
  if (method === 'GET' && edge === 'secondary_receivers') {
    if (primaryReceiver(page) !== appId) throw new GraphError(403, 10, '(#10) Only the primary receiver can list secondary receivers', 'OAuthException');
    const data = Object.entries(page.appRoles)
      .filter(([, roles]) => roles.includes('secondary_receiver'))
      .map(([id]) => ({ id, name: s.apps.get(id)?.name ?? id }));
    return { data };
  }
  if (method !== 'POST' || edge === 'thread_owner' || edge === 'secondary_receivers') throw Errors.unsupportedGet(`${nodeId}/${edge}`, method.toLowerCase());
  const customer = customerFor(ctx, auth, pageId, str(obj(params['recipient'])?.['id']));
  if (!customer) throw Errors.param('No matching user found', 2018001);
  const action = edge.replace('_thread_control', '') as HandoverAction;
  const target = str(params['target_app_id']);
  if (action === 'pass' && !target) throw Errors.param('param target_app_id must be non-empty.');
  try {
    changeThreadControl(ctx, customer, appId, action, { target, metadata: str(params['metadata']) });
  } catch (err) {
    throw toGraphError(err);
  }
  return { success: true };
}
