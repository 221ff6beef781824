import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from '../sim-context';
import { parseBody, searchParamsToObject, sendJson } from '../http/request';
import { CustomerActionError } from '../customer/customer-actions';
import type { Body, Route } from './control-kit';
import { contentRoutes } from './content-routes';
import { customerRoutes } from './customer-routes';
import { deliveryRoutes } from './delivery-routes';
import { messengerRoutes } from './messenger-routes';
import { stateRoutes } from './state-routes';

/** JSON control API under `/_sim/…` for tests, the phone page and humans. */

const routes: Route[] = [...stateRoutes, ...customerRoutes, ...contentRoutes, ...deliveryRoutes, ...messengerRoutes];

export async function handleControl(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.replace(/\/+$/, '') || '/';
  try {
    const parsed = await parseBody(req);
    const body: Body = { ...searchParamsToObject(url.searchParams), ...parsed.params };
    for (const [m, re, handler] of routes) {
      if (m !== method) continue;
      const match = re.exec(path);
      if (!match) continue;
      const result = await handler(ctx, match, body, url);
      const status = result && typeof result === 'object' && 'ok' in result && (result as { ok: unknown }).ok === false ? 400 : 200;
      sendJson(res, status, result ?? { ok: true });
      return;
    }
    sendJson(res, 404, { error: `No control route ${method} ${path}` });
  } catch (err) {
    if (err instanceof CustomerActionError) sendJson(res, err.status, { error: err.message });
    else sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}
