import { SIM_SEED, signSha256 } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { concretePath, DiscoveredRoute, discoverRoutes } from '../utils/routes';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const IG = SIM_SEED.instagramCustomers;

/** A JSON text nested `depth` levels deep (built as a string: JSON.stringify would recurse). */
const nested = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth)}1${close.repeat(depth)}`;

/** Bodies no client should send: wrong types, deep nesting, huge strings, unicode edge cases, injection strings. */
const HOSTILE_BODIES: { name: string; raw: string }[] = [
  { name: 'not JSON', raw: '{"text": "unterminated' },
  { name: 'a JSON string', raw: '"just a string"' },
  { name: 'a JSON array', raw: '[1,2,3]' },
  { name: 'null', raw: 'null' },
  { name: 'deeply nested object', raw: nested(5000) },
  { name: 'deeply nested array', raw: nested(5000, '[', ']') },
  {
    name: 'wrong types everywhere',
    raw: JSON.stringify({
      text: 42,
      status: ['open'],
      assigneeId: { $ne: null },
      email: true,
      password: 1e308,
      role: 'ROOT',
      name: null,
      priority: -1,
      labelIds: 'x',
      body: {},
      template: 'x',
      quickReplies: 'x',
      attachments: [{}],
      snoozedUntil: 'yesterday',
    }),
  },
  { name: 'prototype pollution', raw: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"role":"ADMIN"}},"text":"hi"}' },
  {
    name: 'unicode edge cases',
    raw: JSON.stringify({ text: '\u202e\u200b\ufeff😀\u0000 \ud800 lone surrogate ﷽', name: '\u0000', email: 'ａｄｍｉｎ@example.com', title: '\u{10ffff}' }),
  },
  { name: 'a 300 kB string', raw: JSON.stringify({ text: 'x'.repeat(300 * 1024), name: 'y'.repeat(100_000) }) },
  {
    name: 'SQL and NoSQL injection strings',
    raw: JSON.stringify({ text: "'; DROP TABLE messages; --", name: "' OR '1'='1", email: "admin@int.test' --", status: "open' OR 1=1 --", q: { $gt: '' } }),
  },
];

const PATH_INJECTIONS = [
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '..%2f..%2fetc%2fpasswd',
  '1;DROP TABLE users',
  '\u202e',
  'x'.repeat(5000),
  '%E0%A4%A',
  '{{7*7}}',
  '$(reboot)',
];
const QUERY_INJECTIONS = [
  '?limit=-1',
  '?limit=999999999999',
  '?cursor=%27%20OR%201%3D1--',
  '?status[]=open&status[$ne]=x',
  '?q=%00%FF',
  '?q=' + 'a'.repeat(10_000),
  '?sort=__proto__',
  '?assignee=../../',
  '?from=not-a-date&to=9999-99-99',
  '?platform=INSTAGRAM%27--',
];

/** Runs `task` over `items`, `width` at a time (a few requests in flight, not hundreds). */
async function eachLimited<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

const SLOW = 300_000;

/**
 * Hostile input against every route the app registers (discovered at test time) and the webhook
 * endpoints: malformed, deeply nested, oversized, wrong-typed and unicode-edge bodies, path and query
 * injection. Every answer is a 4xx with a reason (or a 2xx that ignored it) — never a 5xx — and a good
 * event sent afterwards still applies: nothing was lost, no worker died. SQLite, or MySQL/MariaDB with
 * TEST_DATABASE_URL.
 */
describe('hostile input: 4xx with reasons, never 5xx, nothing lost (integration)', () => {
  let h: IngestionHarness;
  let routes: DiscoveredRoute[];
  let token: string;
  const label = (r: DiscoveredRoute) => `${r.method} ${r.path}`;
  // ending the session or the password would end the suite's own login, not test anything more
  const skip = (r: DiscoveredRoute) => /\/auth\/(logout|refresh)$|\/users\/me\/password$/.test(r.path);

  const request = (method: string, path: string, raw?: string, contentType = 'application/json') => {
    const req = h.t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set('Authorization', `Bearer ${token}`);
    return raw === undefined ? req : req.set('Content-Type', contentType).send(raw);
  };

  const expectGoodEventStillApplies = async () => {
    const text = `still fine ${randomUUID().slice(0, 8)}`;
    const { mid } = h.sim.customerSends(IG[0].igsid, { text });
    await h.settle();
    expect(await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])).toBe(1);
    expect((await h.t.http.get('/api/health')).status).toBe(200);
  };

  beforeAll(async () => {
    h = await startIngestionHarness();
    routes = discoverRoutes(h.t.app).filter((r) => !skip(r));
    token = h.admin;
  }, 120_000);
  afterAll(() => h?.close());

  it(
    'every route × hostile body: never a 5xx; 4xx answers carry a reason',
    async () => {
      const bad: string[] = [];
      const cases = routes
        .filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.path.startsWith('/webhook'))
        .flatMap((route) => HOSTILE_BODIES.map((body) => ({ route, body })));
      await eachLimited(cases, 4, async ({ route, body }) => {
        const res = await request(route.method, concretePath(route.path), body.raw);
        if (res.status >= 500) bad.push(`${label(route)} ← ${body.name} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        else if (res.status >= 400 && res.status !== 404 && !(typeof res.body?.message === 'string' && res.body.message.length > 0))
          bad.push(`${label(route)} ← ${body.name} → ${res.status} without a reason`);
      });
      expect(bad).toEqual([]);
      await expectGoodEventStillApplies();
    },
    SLOW,
  );

  it('field errors name the field (class-validator DTOs, whitelist)', async () => {
    const res = await request('POST', '/api/users', JSON.stringify({ email: 'not-an-email', name: 42, role: 'ROOT', password: 'x', isAdmin: true }));
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string; messages: string[] }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'role', 'password']));
    expect(fields).toContain('isAdmin'); // unknown properties are refused by name, not silently kept
  });

  it(
    'every route × path injection: never a 5xx',
    async () => {
      const bad: string[] = [];
      const cases = routes
        .filter((r) => r.path.includes(':') && !r.path.startsWith('/webhook'))
        .flatMap((route) => PATH_INJECTIONS.map((injection) => ({ route, injection })));
      await eachLimited(cases, 4, async ({ route, injection }) => {
        const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(injection));
        const res = await request(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}');
        if (res.status >= 500) bad.push(`${label(route)} ← ${JSON.stringify(injection.slice(0, 40))} → ${res.status}`);
      });
      expect(bad).toEqual([]);
    },
    SLOW,
  );

  it(
    'every GET route × query injection: never a 5xx',
    async () => {
      const bad: string[] = [];
      const cases = routes
        .filter((r) => r.method === 'GET' && !r.path.startsWith('/webhook'))
        .flatMap((route) => QUERY_INJECTIONS.map((query) => ({ route, query })));
      await eachLimited(cases, 4, async ({ route, query }) => {
        const res = await request('GET', `${concretePath(route.path)}${query}`);
        if (res.status >= 500) bad.push(`${label(route)}${query.slice(0, 60)} → ${res.status}`);
      });
      expect(bad).toEqual([]);
      await expectGoodEventStillApplies();
    },
    SLOW,
  );

  it(
    'webhooks: signed hostile bodies are answered without a 5xx, never crash the worker, and the next event applies',
    async () => {
      const entry = (messaging: unknown) => JSON.stringify({ object: 'instagram', entry: [{ id: SIM_SEED.instagram.id, time: Date.now(), messaging }] });
      const bodies: { name: string; raw: string }[] = [
        ...HOSTILE_BODIES,
        { name: 'entry is a string', raw: JSON.stringify({ object: 'instagram', entry: 'x' }) },
        {
          name: 'entry items of every type',
          raw: JSON.stringify({ object: 'page', entry: [null, 1, 'x', [], { id: {} }, { messaging: 'x' }, { changes: [null, { field: 5, value: 'x' }] }] }),
        },
        {
          name: 'messaging with wrong types',
          raw: entry([
            { sender: 'x', recipient: 5, timestamp: 'soon', message: { mid: {}, text: ['a'] } },
            { sender: { id: 1 }, message: null },
            { reaction: { mid: 5 } },
            { read: 'x' },
            null,
          ]),
        },
        {
          name: 'a mid of 10 kB',
          raw: entry([
            {
              sender: { id: IG[1].igsid },
              recipient: { id: SIM_SEED.instagram.id },
              timestamp: Date.now(),
              message: { mid: 'm'.repeat(10_000), text: 'long mid' },
            },
          ]),
        },
        {
          name: 'unicode edge text',
          raw: entry([
            {
              sender: { id: IG[1].igsid },
              recipient: { id: SIM_SEED.instagram.id },
              timestamp: Date.now(),
              message: { mid: `m_${randomUUID()}`, text: '\ud800\u0000\u202e😀'.repeat(500) },
            },
          ]),
        },
        {
          name: 'a timestamp far in the future / negative',
          raw: entry([
            {
              sender: { id: IG[1].igsid },
              recipient: { id: SIM_SEED.instagram.id },
              timestamp: -1e20,
              message: { mid: `m_${randomUUID()}`, text: 'time travel' },
            },
            {
              sender: { id: IG[1].igsid },
              recipient: { id: SIM_SEED.instagram.id },
              timestamp: 8.64e15 + 1,
              message: { mid: `m_${randomUUID()}`, text: 'far future' },
            },
          ]),
        },
        {
          name: 'a deeply nested attachment payload',
          raw: entry([
            {
              sender: { id: IG[1].igsid },
              recipient: { id: SIM_SEED.instagram.id },
              timestamp: Date.now(),
              message: { mid: `m_${randomUUID()}`, attachments: [{ type: 'image', payload: JSON.parse(nested(500)) }] },
            },
          ]),
        },
      ];
      const bad: string[] = [];
      for (const path of ['/webhooks/instagram', '/webhooks/facebook']) {
        for (const body of bodies) {
          const res = await h.postSigned(path, body.raw);
          if (res.status >= 500) bad.push(`${path} ← ${body.name} → ${res.status} ${res.text.slice(0, 200)}`);
        }
        // unsigned, and signed over different bytes: refused, nothing stored
        const unsigned = await fetch(`${h.t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nested(100) });
        expect(unsigned.status).toBe(401);
        const forged = await fetch(`${h.t.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signSha256('other bytes', SIM_SEED.app.secret) },
          body: '{}',
        });
        expect(forged.status).toBe(401);
      }
      expect(bad).toEqual([]);
      // nothing stays claimed or pending: every row reached an end state
      await waitFor(
        async () => (await h.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing')`)) === 0,
        60_000,
        'the worker to finish the hostile rows',
      ).catch(async (error: unknown) => {
        const stuck: unknown[] = await h.t.dataSource.query(
          `SELECT id, status, attempts, last_error, SUBSTR(raw_body, 1, 120) AS body FROM webhook_events WHERE status IN ('pending','processing')`,
        );
        throw new Error(`${String(error)}: ${JSON.stringify(stuck)}`);
      });
      await expectGoodEventStillApplies();
    },
    SLOW,
  );
});
