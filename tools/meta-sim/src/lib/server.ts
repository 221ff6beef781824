import { createServer, type Server } from 'node:http';
import { serveCdn } from './cdn/cdn';
import { handleControl } from './control/control-api';
import { handleGraph } from './graph/graph-handler';
import { sendHtml, sendJson } from './http/request';
import { handleDecision, renderDialog } from './oauth/oauth-dialog';
import { phoneHtml } from './phone/phone-page';
import type { SimContext } from './sim-context';

const VERSION = /^\/v\d+(?:\.\d+)?(?=\/|$)/;

function indexHtml(ctx: SimContext): string {
  const base = ctx.store.settings.publicUrl;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Meta simulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px;line-height:1.5}code{background:#f3f3f3;padding:2px 4px;border-radius:4px}</style></head>
<body><h1>Meta Graph API simulator</h1>
<ul>
<li><a href="/phone">Customer phone</a> — play a customer on Instagram or Messenger</li>
<li><a href="/_sim">Control API state</a> (JSON)</li>
<li>graphBaseUrl: <code>${base}</code> (Graph under <code>/${ctx.store.settings.graphVersion}/…</code>; older versions work too)</li>
<li>instagramBaseUrl: <code>${base}/ig</code> (graph.instagram.com and api.instagram.com)</li>
</ul></body></html>`;
}

/** Routes: `/_sim/*` control, `/phone`, `/cdn/*`, dialogs, `/ig/*` (Instagram hosts), everything else = graph.facebook.com. */
export function createSimServer(ctx: SimContext): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const run = async (): Promise<void> => {
      if (path === '/_sim/events' && method === 'GET') return streamEvents(ctx, req, res);
      if (path === '/_sim/oauth/decide' && method === 'POST') return handleDecision(ctx, req, res);
      if (path.startsWith('/_sim')) return handleControl(ctx, req, res, url);
      if (path === '/phone' || path === '/phone/') return sendHtml(res, 200, phoneHtml());
      if (path === '/' && method === 'GET') return sendHtml(res, 200, indexHtml(ctx));
      if (path === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (path.startsWith('/cdn/') && (method === 'GET' || method === 'HEAD')) {
        if (serveCdn(path.slice(5), method, res)) return;
        sendJson(res, 404, { error: 'not found' });
        return;
      }
      if (path === '/ig' || path.startsWith('/ig/')) {
        const version = VERSION.exec(path.slice(3))?.[0]?.slice(1);
        const rest = path.slice(3).replace(VERSION, '');
        if (rest === '/oauth/authorize' && method === 'GET') return renderDialog(ctx, 'instagram', url, res);
        return handleGraph(ctx, req, res, 'instagram', rest, url, version);
      }
      const version = VERSION.exec(path)?.[0]?.slice(1);
      const rest = path.replace(VERSION, '');
      if (rest === '/dialog/oauth' && method === 'GET') return renderDialog(ctx, 'facebook', url, res);
      return handleGraph(ctx, req, res, 'facebook', rest, url, version);
    };
    run().catch((err: unknown) => {
      console.error('[meta-sim] request failed', err);
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'Simulator failure', type: 'OAuthException', code: 1, is_transient: true } });
      else res.end();
    });
  });
}

/** Server-sent events so the phone page updates live. */
function streamEvents(ctx: SimContext, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const onChange = (e: { kind: string; id: string }): void => {
    res.write(`data: ${JSON.stringify(e)}\n\n`);
  };
  ctx.store.events.on('change', onChange);
  const ping = setInterval(() => res.write(': ping\n\n'), 15000);
  req.on('close', () => {
    clearInterval(ping);
    ctx.store.events.off('change', onChange);
  });
}
