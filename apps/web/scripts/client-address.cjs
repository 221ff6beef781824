// Preloaded into the web server (`node --require ./client-address.cjs server.js`): records who is
// really calling, before Next.js sees the request. Next.js only fills X-Forwarded-For when it is absent,
// so without this a browser could name any address, and the api's login throttle would believe it.
//
// The header is rewritten to one address: the TCP peer, or — when WEB_TRUSTED_PROXY_HOPS reverse proxies
// (a TLS terminator, a load balancer) stand in front of the web server — the address the outermost of
// them saw. The /api route forwards it only when this module is loaded.
'use strict';
const http = require('node:http');

const MARK = Symbol.for('ticklegram.web.forwardedForIsTrusted');

/**
 * The client address: with `trustedHops` proxies in front, the entry that many places from the right
 * of [X-Forwarded-For…, peer]; with none, the peer itself.
 */
function resolveClientAddress(forwardedFor, peerAddress, trustedHops) {
  const chain = String(forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (peerAddress) chain.push(peerAddress);
  const index = chain.length - 1 - Math.max(0, trustedHops);
  return chain[Math.max(0, index)] || undefined;
}

/** Patches every HTTP server of this process; returns a function that undoes it (tests). */
function install(env = process.env) {
  if (globalThis[MARK]) return () => undefined;
  const hops = Number.parseInt(env.WEB_TRUSTED_PROXY_HOPS ?? '0', 10) || 0;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(event, req, ...rest) {
    if (event === 'request' && req && req.headers) {
      const address = resolveClientAddress(req.headers['x-forwarded-for'], req.socket && req.socket.remoteAddress, hops);
      delete req.headers['forwarded'];
      delete req.headers['x-real-ip'];
      if (address) req.headers['x-forwarded-for'] = address;
      else delete req.headers['x-forwarded-for'];
    }
    return emit.call(this, event, req, ...rest);
  };
  globalThis[MARK] = true;
  return () => {
    http.Server.prototype.emit = emit;
    delete globalThis[MARK];
  };
}

module.exports = { resolveClientAddress, install, MARK };
if (require.main !== module && !process.env.JEST_WORKER_ID) install();
