import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from '../sim-context';
import { parseBody, searchParamsToObject, sendJson, str, type UploadedFile } from '../http/request';
import { authenticate, requireScope, type AuthContext, type GraphHost } from './auth';
import { getOrCreateDataset, receiveEvents } from './capi-api';
import { createComment, deleteComment, replyToIgComment, updateComment } from './comments-api';
import { Edge, GraphNode, parseFields, renderEdge, renderNode, type FieldSpec } from './fields';
import { HANDOVER_EDGES, handleHandover } from './handover-api';
import { checkConversationsRate, conversationsAccount } from './conversations-rate';
import { Errors, GraphError } from './graph-error';
import { accountInsights } from './insights-api';
import { mediaInsights } from './media-insights-api';
import { NodeFactory } from './nodes';
import { handleAttachmentUpload, handleSend } from './send-api';
import { listAppSubscriptions, listSubscribedApps, setAppSubscription, subscribeApp, unsubscribeApp } from './subscriptions-api';
import { libraryTemplates } from './template-library';
import { deleteTemplates, listTemplates, submitTemplate } from './templates-api';
import { debugToken, facebookAccessToken, instagramCodeExchange, instagramExchange, instagramRefresh } from './tokens-api';

interface GraphCall {
  ctx: SimContext;
  method: string;
  host: GraphHost;
  segments: string[];
  params: Record<string, unknown>;
  files: UploadedFile[];
  url: URL;
  headers: IncomingMessage['headers'];
  auth?: AuthContext;
  /** Requested Graph version (`v27.0`), or the app's default for unversioned calls. */
  version: string;
}

/** v27.0 stops apps from using multi-ID lookups, field aliases and method override (reference §11). */
function restrictedVersion(call: GraphCall): boolean {
  return Number(/^v(\d+)/.exec(call.version)?.[1] ?? 0) >= 27;
}

function deprecatedIn27(feature: string): GraphError {
  return new GraphError(400, 12, `(#12) ${feature} is deprecated for versions v27.0 and higher`, 'OAuthException');
}

function usesAlias(specs: FieldSpec[]): boolean {
  return specs.some((spec) => spec.modifiers['as'] !== undefined || (spec.children !== undefined && usesAlias(spec.children)));
}

/** The `fields` parameter, parsed (aliases refused on v27+). */
function requestedFields(call: GraphCall): FieldSpec[] | undefined {
  const raw = str(call.params['fields']);
  if (!raw) return undefined;
  const specs = parseFields(raw);
  if (restrictedVersion(call) && usesAlias(specs)) throw deprecatedIn27('Field aliasing (.as())');
  return specs;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function nextUrlFor(call: GraphCall): (after: string) => string {
  return (after) => {
    const u = new URL(call.url.toString());
    u.searchParams.set('after', after);
    u.searchParams.delete('before');
    return `${call.ctx.store.settings.publicUrl}${u.pathname}${u.search}`;
  };
}

function edgeResponse(call: GraphCall, items: Array<GraphNode | Record<string, unknown>>, defaults: string[]): Record<string, unknown> {
  return renderEdge(
    new Edge(() => items, defaults),
    requestedFields(call),
    {},
    {
      limit: Number(str(call.params['limit']) ?? 25) || 25,
      after: str(call.params['after']),
      before: str(call.params['before']),
    },
    nextUrlFor(call),
  );
}

function bucFor(call: GraphCall): { businessId?: string; type: string } {
  const auth = call.auth;
  if (!auth) return { type: 'pages' };
  const subject = auth.token.subjectId;
  const messaging = call.segments.some((s) => ['messages', 'conversations', 'message_attachments'].includes(s));
  if (auth.token.type === 'IG_USER') return { businessId: subject, type: 'instagram' };
  const ig = call.ctx.store.instagramAccounts.get(call.segments[0] ?? '');
  if (ig) return { businessId: ig.id, type: 'instagram' };
  return { businessId: subject, type: messaging ? 'messenger' : 'pages' };
}

async function dispatch(call: GraphCall): Promise<unknown> {
  const { ctx, method, host, segments, params } = call;
  const path = segments.join('/');

  // Endpoints that authenticate with client credentials instead of an access token.
  if (host === 'facebook' && path === 'oauth/access_token' && method === 'GET') return facebookAccessToken(ctx, params);
  if (host === 'instagram' && path === 'oauth/access_token' && method === 'POST') return instagramCodeExchange(ctx, params);
  if (host === 'instagram' && path === 'access_token' && method === 'GET') return instagramExchange(ctx, params);
  if (host === 'instagram' && path === 'refresh_access_token' && method === 'GET') return instagramRefresh(ctx, params);

  const auth = call.auth ?? authenticate(ctx.store, params, call.headers, host);
  call.auth = auth;
  if (method === 'GET') {
    const account = conversationsAccount(ctx, auth, segments, params);
    if (account) checkConversationsRate(ctx, account);
  }
  const nodes = new NodeFactory(ctx.store, auth);

  if (path === 'debug_token' && method === 'GET') return debugToken(ctx, params, auth.token);
  if (method === 'GET' && (path === 'message_template_library' || (segments.length === 2 && segments[1] === 'message_template_library'))) {
    if (segments.length === 2 && !auth.accountIds.has(segments[0] === 'me' ? auth.token.subjectId : (segments[0] ?? ''))) throw Errors.unsupportedGet(path);
    return edgeResponse(call, libraryTemplates(params), ['id', 'name', 'language', 'category', 'body']);
  }
  if (segments.length === 0) {
    // Multi-id read: GET /?ids=a,b&fields=… → {a:{…}, b:{…}}
    const ids = str(params['ids']);
    if (method !== 'GET' || !ids) throw Errors.unknownPath('');
    if (restrictedVersion(call)) throw deprecatedIn27('Multi-ID lookup (?ids=)');
    const fields = requestedFields(call);
    return Object.fromEntries(
      ids
        .split(',')
        .filter(Boolean)
        .map((one) => [one, renderNode(nodes.byId(one), fields)]),
    );
  }

  // Instagram Login's `/me` returns an app-scoped `id`; it addresses the same professional account.
  const scoped = [...ctx.store.instagramAccounts.values()].find((a) => a.appScopedId === segments[0]);
  const [rawId = '', edge, ...rest] = segments;
  const id = scoped ? scoped.id : rawId;
  if (rest.length > 0) throw Errors.unknownPath(path);

  const ig = host === 'instagram';
  const scopes: Record<string, string[]> = {
    'POST messages': ig ? ['instagram_business_manage_messages'] : ['pages_messaging', 'instagram_manage_messages'],
    'POST message_attachments': ig ? ['instagram_business_manage_messages'] : ['pages_messaging', 'instagram_manage_messages'],
    'POST message_templates': ['page_utility_messaging', 'pages_utility_messaging'],
    'DELETE message_templates': ['page_utility_messaging', 'pages_utility_messaging'],
    'POST subscribed_apps': ig ? ['instagram_business_basic'] : ['pages_manage_metadata'],
    'DELETE subscribed_apps': ig ? ['instagram_business_basic'] : ['pages_manage_metadata'],
    'POST replies': ig ? ['instagram_business_manage_comments'] : ['instagram_manage_comments'],
    'POST comments': ig ? ['instagram_business_manage_comments'] : ['instagram_manage_comments', 'pages_manage_engagement'],
    'GET insights': ig ? ['instagram_business_manage_insights'] : ['instagram_manage_insights', 'read_insights'],
  };
  const needed = scopes[`${method} ${edge ?? ''}`];
  if (needed) requireScope(auth, needed);
  if (edge === undefined && (method === 'DELETE' || method === 'POST') && ctx.store.comments.has(id)) {
    requireScope(auth, ig ? ['instagram_business_manage_comments'] : ['instagram_manage_comments', 'pages_manage_engagement']);
  }

  if (edge === undefined) {
    if (method === 'GET') return renderNode(nodes.byId(id), requestedFields(call));
    if (method === 'POST') {
      if (ctx.store.comments.has(id)) return updateComment(ctx, auth, id, params);
      throw Errors.unsupportedGet(id, 'post');
    }
    if (method === 'DELETE') {
      if (ctx.store.comments.has(id)) return deleteComment(ctx, auth, id);
      throw Errors.unsupportedGet(id, 'delete');
    }
    throw Errors.unsupportedGet(id, method.toLowerCase());
  }

  if (HANDOVER_EDGES.includes(edge)) {
    requireScope(auth, ['pages_messaging']);
    return handleHandover(ctx, auth, method, id, edge, params);
  }

  switch (`${method} ${edge}`) {
    case 'POST messages':
      return handleSend(ctx, auth, id, params);
    case 'POST message_attachments':
      return handleAttachmentUpload(ctx, auth, id, params, call.files);
    case 'POST message_templates':
      return submitTemplate(ctx, auth, id, params);
    case 'GET message_templates':
      return edgeResponse(call, listTemplates(ctx, auth, nodes, id, params), ['id', 'name', 'status', 'category', 'language', 'components']);
    case 'DELETE message_templates':
      return deleteTemplates(ctx, auth, id, params);
    case 'POST subscribed_apps':
      return subscribeApp(ctx, auth, id, params);
    case 'GET subscribed_apps':
      return listSubscribedApps(ctx, auth, id);
    case 'DELETE subscribed_apps':
      return unsubscribeApp(ctx, auth, id);
    case 'POST subscriptions':
      return setAppSubscription(ctx, auth, id, params);
    case 'GET subscriptions':
      return listAppSubscriptions(ctx, auth, id);
    case 'POST dataset':
      return getOrCreateDataset(ctx, auth, id);
    case 'POST events':
      return receiveEvents(ctx, auth, id, params);
    case 'POST replies':
      return replyToIgComment(ctx, auth, id, params);
    case 'POST comments':
      return createComment(ctx, auth, id, params);
    case 'GET insights': {
      const target = id === 'me' ? auth.token.subjectId : id;
      if (ctx.store.instagramAccounts.has(target)) return accountInsights(ctx, auth, target, params);
      if (ctx.store.media.has(target)) return mediaInsights(ctx, auth, target, params);
      throw Errors.unsupportedGet(`${id}/insights`);
    }
    case 'GET conversations': {
      const node = nodes.byId(id);
      const platform = str(params['platform']) === 'instagram' || host === 'instagram' ? 'instagram' : 'messenger';
      const accountId = node.type === 'Page' ? node.id : ctx.store.instagramAccounts.has(node.id) ? node.id : auth.token.subjectId;
      if (node.type !== 'Page' && node.type !== 'User') throw Errors.unsupportedGet(`${id}/conversations`);
      const userId = str(params['user_id']);
      return edgeResponse(call, nodes.conversationsOf(accountId, platform, userId), ['id']);
    }
    default:
      break;
  }

  if (method !== 'GET') throw Errors.unsupportedGet(`${id}/${edge}`, method.toLowerCase());
  const node = nodes.byId(id);
  if (!(edge in node.fields)) throw Errors.nonexistingField(edge, node.type);
  const raw = node.fields[edge];
  const value = typeof raw === 'function' ? (raw as () => unknown)() : raw;
  if (!(value instanceof Edge)) throw Errors.unknownPath(path);
  const fields = requestedFields(call);
  const modifiers: Record<string, string> = { filter: str(params['filter']) ?? '', order: str(params['order']) ?? '' };
  const summary = str(params['summary']);
  if (summary !== undefined) modifiers['summary'] = summary;
  return renderEdge(
    value,
    fields,
    modifiers,
    {
      limit: Number(str(params['limit']) ?? 25) || 25,
      after: str(params['after']),
      before: str(params['before']),
    },
    nextUrlFor(call),
  );
}

/** Serves one Graph API request (`path` is already stripped of host prefix and version). */
export async function handleGraph(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  host: GraphHost,
  path: string,
  url: URL,
  version?: string,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  let status = 200;
  let body: unknown;
  const extraHeaders: Record<string, string> = {};
  const call: GraphCall = {
    ctx,
    method,
    host,
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: {},
    files: [],
    url,
    headers: req.headers,
    version: version ?? ctx.store.settings.graphVersion,
  };
  let regain = 0;
  try {
    const parsed = await parseBody(req);
    call.params = { ...searchParamsToObject(url.searchParams), ...parsed.params };
    call.files = parsed.files;
    // Graph lets clients tunnel DELETE/GET through POST with `method=…` (before v27.0).
    const override = str(call.params['method'])?.toUpperCase();
    if (method === 'POST' && override && ['DELETE', 'GET'].includes(override)) {
      if (restrictedVersion(call)) throw deprecatedIn27('Method override (method=)');
      call.method = override;
    }
    try {
      // Known early so rate-limit headers are right even when a fault short-circuits the call.
      call.auth = authenticate(ctx.store, call.params, req.headers, host);
    } catch {
      call.auth = undefined;
    }
    const fault = ctx.faults.match(call.method, `/${call.segments.join('/')}`);
    // the call takes effect once; its answer is delayed, lost (timeout) or replaced by the fault's error
    let handled: { answer: Promise<unknown> } | null = null;
    if (fault?.fault.afterHandling) {
      const answer = dispatch(call);
      answer.catch(() => undefined);
      handled = { answer };
    }
    if (fault) {
      if (fault.fault.latencyMs) await sleep(fault.fault.latencyMs);
      if (fault.fault.timeout) {
        // Hold the connection open without answering; the client must time out.
        req.socket.setTimeout(0);
        return;
      }
      regain = fault.fault.regainAccessMinutes ?? ([4, 17, 32, 613, 80001, 80002, 80006].includes(fault.error?.code ?? 0) ? 5 : 0);
      if (fault.error) throw fault.error;
    }
    body = handled ? await handled.answer : await dispatch(call);
  } catch (err) {
    if (err instanceof GraphError) {
      status = err.status;
      body = err.toBody();
      if (err.code === 190) extraHeaders['www-authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${err.message.replace(/"/g, "'")}"`;
    } else if (err instanceof SyntaxError) {
      status = 400;
      body = Errors.param('Invalid JSON in request body').toBody();
    } else {
      status = 500;
      body = new GraphError(500, 1, 'An unknown error occurred', 'OAuthException', undefined, { is_transient: true }).toBody();
      console.error('[meta-sim] unexpected error', err);
    }
  }
  const buc = bucFor(call);
  Object.assign(extraHeaders, ctx.usage.headers(call.auth?.token, buc.businessId, buc.type, regain), {
    'x-fb-trace-id': 'SimTrace',
    'facebook-api-version': call.version,
  });
  ctx.requests.push({ at: Date.now(), method: call.method, host, path: `/${call.segments.join('/')}`, params: redact(call.params), status, response: body });
  if (ctx.requests.length > 2000) ctx.requests.splice(0, ctx.requests.length - 2000);
  sendJson(res, status, body, extraHeaders);
}

function redact(params: Record<string, unknown>): Record<string, unknown> {
  const out = { ...params };
  for (const k of ['client_secret']) if (out[k] !== undefined) out[k] = '***';
  return out;
}
