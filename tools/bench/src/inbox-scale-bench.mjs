#!/usr/bin/env node
// Inbox at scale (not a test): seeds a dedicated MariaDB/MySQL database migrated by the built api with
// bulk multi-row INSERTs, then measures the inbox reads through the real HTTP api, as an admin and as an agent,
// and writes the EXPLAIN plans of the SQL the api ran.
//
//   npx nx build api && npx nx build meta-sim
//   node tools/bench/src/inbox-scale-bench.mjs [--conversations=100000] [--messages=1000000] [--agents=50]
//        [--channels=2] [--requests=40] [--batch=5000] [--keep] [--reuse] [--endpoint-budget-ms=15000] [--db=tg_bench_scale]
//        [--write-doc]   (replaces the EXPLAIN section of docs/PERFORMANCE.md between its markers)
//   BENCH_DB_URL=mysql://root@127.0.0.1:3306 (default)
//
// Loopback only; every loop is bounded; the database is dropped at the end unless --keep.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import mysql from 'mysql2/promise';
import { flags, launch, launchApi, load, login, machine, ROOT, sleep, stop, summarize } from './bench-lib.mjs';
import { loadSearchText } from './search-text-loader.mjs';

const opts = flags();
const SERVER_URL = (process.env.BENCH_DB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const DB = String(opts.db ?? 'tg_bench_scale');
const CONVERSATIONS = Number(opts.conversations ?? 100_000);
const MESSAGES = Number(opts.messages ?? 1_000_000);
const AGENTS = Number(opts.agents ?? 50);
const CHANNELS = Number(opts.channels ?? 2);
const REQUESTS = Number(opts.requests ?? 40);
const BATCH = Number(opts.batch ?? 5000);
const REUSE = Boolean(opts.reuse); // measure an existing seeded database (left by --keep or an interrupted run)
const KEEP = Boolean(opts.keep) || REUSE;
const ENDPOINT_BUDGET_MS = Number(opts['endpoint-budget-ms'] ?? 15_000);
const PORTS = { api: Number(opts['api-port'] ?? 3921), sim: Number(opts['sim-port'] ?? 3922) };
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' };
const AGENT_PASSWORD = 'bench-agent-password';
const DAY = 86_400_000;
const WRITE_DOC = Boolean(opts['write-doc']);
const { searchDocument } = await loadSearchText();

// Product words with a Zipf-like spread (rank 1 in ~10 % of messages, rank 900 in ~0.015 %), so search is
// measured for a common, a medium and a rare word; 2 % of messages are Japanese, 2 % carry an emoji.
const SYLLABLES = ['ba', 'ko', 'ri', 'mu', 'te', 'la', 'no', 'si', 'pe', 'du', 'ga', 'vi', 'zo', 'fe', 'hu', 'ja'];
const VOCAB = Array.from({ length: 1000 }, (_, k) => `${SYLLABLES[(k >> 8) & 15]}${SYLLABLES[(k >> 4) & 15]}${SYLLABLES[k & 15]}n`);
const zipfWord = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(VOCAB.length ** Math.random()) - 1)];
const CJK_TEXT = '東京タワーの近くに店はありますか';
const SEARCH_CASES = [
  { name: 'contact name', q: 'Customer 4242' },
  { name: 'common word (rank 1)', q: VOCAB[0] },
  { name: 'medium word (rank 30)', q: VOCAB[29] },
  { name: 'rare word (rank 900)', q: VOCAB[899] },
  { name: 'prefix', q: VOCAB[29].slice(0, 4) },
  { name: 'two words', q: `blue ${VOCAB[29]}` },
  { name: 'CJK', q: '東京タワー' },
  { name: 'emoji', q: '🎉' },
  { name: 'no match', q: 'zzzzqqq' },
];

// Time-ordered ids in the UUID v4 text format: appends to the clustered index instead of random page splits.
let idSeq = 0;
const idPrefix = randomBytes(4).toString('hex');
function orderedId() {
  idSeq += 1;
  const h = idSeq.toString(16).padStart(15, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-8${idPrefix.slice(0, 3)}-${idPrefix}${randomBytes(2).toString('hex')}`;
}
const pick = (weights) => {
  let r = Math.random();
  for (const [value, w] of weights) {
    if ((r -= w) < 0) return value;
  }
  return weights[weights.length - 1][0];
};
const dt = (ms) => new Date(ms);

async function insertBatches(conn, table, columns, rows) {
  const sql = `INSERT INTO ${table} (${columns.join(',')}) VALUES ?`;
  for (let i = 0; i < rows.length; i += BATCH) await conn.query(sql, [rows.slice(i, i + BATCH)]);
}

async function seed(q, channels, agentIds) {
  const now = Date.now();
  await q.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  // messages per conversation: heavy-tailed (many short threads, a few long ones), summing to MESSAGES
  const raw = Array.from({ length: CONVERSATIONS }, () => Math.max(1, Math.round(-Math.log(1 - Math.random()) * (MESSAGES / CONVERSATIONS))));
  const scale = MESSAGES / raw.reduce((a, b) => a + b, 0);
  const counts = raw.map((n) => Math.max(1, Math.round(n * scale)));
  counts[0] = Math.min(5000, Math.max(counts[0], Math.floor(MESSAGES / 200))); // one very long thread
  let diff = MESSAGES - counts.reduce((a, b) => a + b, 0);
  for (let i = 1; diff !== 0 && i < counts.length * 4; i += 1) {
    const k = 1 + (i % (counts.length - 1));
    if (diff > 0) {
      counts[k] += 1;
      diff -= 1;
    } else if (counts[k] > 1) {
      counts[k] -= 1;
      diff += 1;
    }
  }

  // bulk load without the full-text indexes (rebuilt below)
  for (const t of ['message_search', 'contact_search']) await q.query(`DROP INDEX ft_${t}_body ON ${t}`);
  const started = Date.now();
  let messageSeq = 0;
  let convRows = [];
  let contactRows = [];
  let msgRows = [];
  let contactDocs = [];
  let messageDocs = [];
  let conversationTerms = [];
  const flush = async (force) => {
    if (contactRows.length >= BATCH || (force && contactRows.length)) {
      await insertBatches(
        q,
        'contacts',
        ['id', 'channel_id', 'platform', 'external_id', 'display_name', 'name', 'username', 'created_at', 'updated_at'],
        contactRows,
      );
      await insertBatches(
        q,
        'conversations',
        [
          'id',
          'channel_id',
          'platform',
          'contact_id',
          'customer_external_id',
          'status',
          'assignee_id',
          'unread_count',
          'last_message_at',
          'last_message_preview',
          'last_message_direction',
          'last_customer_message_at',
          'created_at',
          'updated_at',
        ],
        convRows,
      );
      await insertBatches(q, 'contact_search', ['contact_id', 'body'], contactDocs);
      await insertBatches(q, 'conversation_terms', ['conversation_id', 'terms'], conversationTerms);
      contactRows = [];
      convRows = [];
      contactDocs = [];
      conversationTerms = [];
    }
    if (msgRows.length >= BATCH || (force && msgRows.length)) {
      await insertBatches(
        q,
        'messages',
        [
          'id',
          'conversation_id',
          'channel_id',
          'platform',
          'mid',
          'direction',
          'status',
          'source',
          'sender_user_id',
          'text',
          'sent_at',
          'created_at',
          'updated_at',
        ],
        msgRows,
      );
      await insertBatches(q, 'message_search', ['message_id', 'conversation_id', 'sent_at', 'body'], messageDocs);
      msgRows = [];
      messageDocs = [];
    }
  };
  for (let i = 0; i < CONVERSATIONS; i += 1) {
    const channel = channels[i % channels.length];
    const contactId = orderedId();
    const conversationId = orderedId();
    const external = String(7_000_000_000_000_000 + i);
    const assignee = Math.random() < 0.3 ? null : agentIds[Math.floor(agentIds.length * Math.random() ** 1.5)];
    const status = pick([
      ['open', 0.5],
      ['pending', 0.15],
      ['snoozed', 0.05],
      ['resolved', 0.3],
    ]);
    const unread = status !== 'resolved' && Math.random() < 0.35 ? 1 + Math.floor(Math.random() * 6) : 0;
    const last = now - Math.floor(365 * DAY * Math.random() ** 3); // recent activity is denser
    const n = counts[i];
    const first = last - Math.floor(Math.random() * Math.min(30 * DAY, n * 3_600_000));
    const name = `Customer ${i}`;
    contactRows.push([contactId, channel.id, channel.platform, external, name, name, `customer_${i}`, dt(first), dt(first)]);
    contactDocs.push([contactId, searchDocument(name, name, `customer_${i}`)]);
    const terms = new Set();
    let lastText = '';
    let lastDir = 'inbound';
    let lastCustomer = first;
    for (let k = 0; k < n; k += 1) {
      messageSeq += 1;
      const sentAt = n === 1 ? last : first + Math.floor(((last - first) * k) / (n - 1));
      const inbound = k === n - 1 ? unread > 0 || Math.random() < 0.6 : Math.random() < 0.55;
      const flavour = Math.random();
      const text =
        flavour < 0.02
          ? CJK_TEXT
          : `Message ${messageSeq} ${inbound ? `is the blue ${zipfWord()} in stock?` : `yes, we ship the ${zipfWord()} tomorrow`}${flavour > 0.98 ? ' 🎉' : ''}`;
      const messageId = orderedId();
      const doc = searchDocument(text);
      messageDocs.push([messageId, conversationId, dt(sentAt), doc]);
      if (doc) for (const t of doc.split(' ')) terms.add(t);
      msgRows.push([
        messageId,
        conversationId,
        channel.id,
        channel.platform,
        `m_bench_${messageSeq}`,
        inbound ? 'inbound' : 'outbound',
        inbound ? 'received' : 'delivered',
        inbound ? 'customer' : 'agent',
        inbound ? null : (assignee ?? agentIds[0]),
        text,
        dt(sentAt),
        dt(sentAt),
        dt(sentAt),
      ]);
      lastText = text;
      lastDir = inbound ? 'inbound' : 'outbound';
      if (inbound) lastCustomer = sentAt;
    }
    conversationTerms.push([conversationId, [...terms].join(' ')]);
    convRows.push([
      conversationId,
      channel.id,
      channel.platform,
      contactId,
      external,
      status,
      assignee,
      unread,
      dt(last),
      lastText,
      lastDir,
      dt(lastCustomer),
      dt(first),
      dt(last),
    ]);
    await flush(false);
    if (i > 0 && i % 20_000 === 0)
      process.stdout.write(`  seeded ${i} conversations, ${messageSeq} messages (${Math.round((Date.now() - started) / 1000)} s, load ${load()})\n`);
  }
  await flush(true);
  await q.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  // the full-text indexes are built once over the filled tables, as the migration does
  const ftStarted = Date.now();
  // FORCE rebuilds the table with the index: MariaDB 10.11 answers nothing from a FULLTEXT index dropped
  // and re-created with a plain CREATE INDEX on the same table (seen on this run's bulk load)
  for (const t of ['message_search', 'contact_search']) await q.query(`ALTER TABLE ${t} ADD FULLTEXT INDEX ft_${t}_body (body), FORCE`);
  process.stdout.write(`  FULLTEXT indexes built in ${Math.round((Date.now() - ftStarted) / 1000)} s\n`);
  // the folder counters the api keeps by triggers (apps/api/src/modules/inbox/counts): the bulk load appended a
  // delta per conversation; rebuild the counters once, as the migration does (recountConversations)
  await q.query('DELETE FROM conversation_counts');
  await q.query(
    `INSERT INTO conversation_counts (status, platform, assignee_id, n, unread, unread_messages)
     SELECT status, platform, COALESCE(assignee_id, ''), COUNT(*), SUM(CASE WHEN unread_count > 0 THEN 1 ELSE 0 END), SUM(unread_count)
     FROM conversations WHERE last_message_at IS NOT NULL GROUP BY status, platform, COALESCE(assignee_id, '')`,
  );
  await q.query('DELETE FROM conversation_count_deltas');
  for (const t of ['contacts', 'conversations', 'messages', 'message_search', 'contact_search', 'conversation_terms', 'conversation_counts'])
    await q.query(`ANALYZE TABLE ${t}`);
  return { seconds: (Date.now() - started) / 1000, messages: messageSeq };
}

async function timed(url, token) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.text();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.status, body };
}

/** Query parameters of GET /api/conversations as the running api documents them (OpenAPI). */
async function listParams(base) {
  for (const path of ['/api/docs-json', '/api/docs/json', '/api/docs-yaml']) {
    const res = await fetch(`${base}${path}`).catch(() => null);
    if (!res || res.status !== 200 || !path.endsWith('json')) continue;
    const doc = await res.json();
    const op = doc.paths?.['/api/conversations']?.get;
    if (op)
      return {
        params: (op.parameters ?? []).filter((p) => p.in === 'query'),
        hasCounts: Boolean(doc.paths['/api/conversations/counts']),
        schemas: doc.components?.schemas ?? {},
      };
  }
  return { params: [], hasCounts: false, schemas: {} };
}

function filterCases(params, ctx) {
  const cases = [{ name: 'default (newest first)', query: '' }];
  for (const p of params) {
    if (['cursor', 'limit', 'before'].includes(p.name)) continue;
    const schema = p.schema ?? {};
    const values = schema.enum ?? schema.items?.enum ?? (schema.$ref ? ctx.schemas[schema.$ref.split('/').pop()]?.enum : undefined);
    if (values) {
      for (const v of values) cases.push({ name: `${p.name}=${v}`, query: `${p.name}=${encodeURIComponent(v)}` });
    } else if (schema.type === 'boolean') {
      cases.push({ name: `${p.name}=true`, query: `${p.name}=true` });
    } else if (/search|^q$/i.test(p.name)) {
      for (const c of SEARCH_CASES) cases.push({ name: `${p.name}=${c.q} (${c.name})`, query: `${p.name}=${encodeURIComponent(c.q)}` });
    } else if (/assignee/i.test(p.name)) {
      for (const v of ['me', 'unassigned', 'any', ctx.agentId])
        cases.push({ name: `${p.name}=${v === ctx.agentId ? '<agent id>' : v}`, query: `${p.name}=${v}` });
    } else if (/channel/i.test(p.name)) {
      cases.push({ name: `${p.name}=<channel>`, query: `${p.name}=${ctx.channelId}` });
    } else if (/platform/i.test(p.name)) {
      for (const v of ['INSTAGRAM', 'FACEBOOK']) cases.push({ name: `${p.name}=${v}`, query: `${p.name}=${v}` });
    } else if (/unread/i.test(p.name)) {
      cases.push({ name: `${p.name}=true`, query: `${p.name}=true` });
    } else {
      cases.push({ name: `${p.name}=? (untyped, skipped)`, query: null });
    }
  }
  return cases.filter((c) => c.query !== null);
}

async function measure(url, token, n) {
  // bounded: n requests, or as many as fit in the endpoint's time budget (at least 2) when it is slow
  const budgetEnd = Date.now() + ENDPOINT_BUDGET_MS;
  await timed(url, token); // warm-up (plan + buffer pool)
  const samples = [];
  let status = 0;
  let body = '';
  for (let i = 0; i < n && (i < 2 || Date.now() < budgetEnd); i += 1) {
    const r = await timed(url, token);
    status = r.status;
    body = r.body;
    samples.push(r.ms);
  }
  let rows = '';
  try {
    const parsed = JSON.parse(body);
    rows = Array.isArray(parsed.items) ? parsed.items.length : Array.isArray(parsed.data) ? parsed.data.length : '';
  } catch {
    /* not JSON */
  }
  return { status, rows, ...summarize(samples) };
}

async function main() {
  const admin = await mysql.createConnection({ uri: SERVER_URL });
  if (!REUSE) {
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const [[version]] = await admin.query('SELECT VERSION() AS v');
  const dbUrl = `${SERVER_URL}/${DB}`;
  const q = await mysql.createConnection({ uri: dbUrl, multipleStatements: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-scale-'));
  const base = `http://127.0.0.1:${PORTS.api}`;
  let sqlLog = '';
  const apiEnv = (logging) => ({
    NODE_ENV: 'production',
    APP_MODE: 'sandbox',
    API_HOST: '127.0.0.1',
    API_PORT: String(PORTS.api),
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl.replace(/^mysql:/, 'mariadb:'),
    META_SIM_URL: `http://127.0.0.1:${PORTS.sim}`,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WEBHOOK_WORKER_ENABLED: 'false',
    DB_LOGGING: String(logging),
  });
  const results = { machine: machine(version.v), sizes: { conversations: CONVERSATIONS, messages: MESSAGES, agents: AGENTS }, loadBefore: load() };
  let sim;
  let api;
  try {
    sim = await launch(
      join(ROOT, 'dist/tools/meta-sim/main.js'),
      { META_SIM_PORT: String(PORTS.sim), META_SIM_WEBHOOK_INSTAGRAM_URL: 'http://127.0.0.1:9/none', META_SIM_WEBHOOK_FACEBOOK_URL: 'http://127.0.0.1:9/none' },
      `http://127.0.0.1:${PORTS.sim}/_sim`,
    );
    process.stdout.write('migrating + connecting the sandbox channels (first api boot)…\n');
    api = await launchApi(apiEnv(false), `${base}/api/health`);
    let channels = [];
    for (let i = 0; i < 150 && channels.length < CHANNELS; i += 1) {
      const [fb] = await q.query(`SELECT id, 'FACEBOOK' AS platform FROM facebook_pages`);
      const [ig] = await q.query(`SELECT id, 'INSTAGRAM' AS platform FROM instagram_accounts`);
      channels = [...fb, ...ig].slice(0, CHANNELS);
      if (channels.length < CHANNELS) await sleep(200);
    }
    if (!channels.length) throw new Error('no channel connected by the sandbox bootstrap');
    await stop(api);
    api = undefined;

    let agentIds;
    if (REUSE) {
      const [rows] = await q.query(`SELECT id FROM users WHERE email LIKE 'agent%@bench.test' ORDER BY CAST(SUBSTRING(email, 6) AS UNSIGNED)`);
      agentIds = rows.map((r) => r.id);
      const [[sizes]] = await q.query(
        'SELECT (SELECT COUNT(*) FROM conversations) AS c, (SELECT COUNT(*) FROM messages) AS m, (SELECT COUNT(DISTINCT channel_id) FROM conversations) AS ch',
      );
      results.sizes = { conversations: Number(sizes.c), messages: Number(sizes.m), agents: agentIds.length, channels: Number(sizes.ch) };
      const [used] = await q.query('SELECT DISTINCT channel_id AS id FROM conversations');
      channels = channels.filter((c) => used.some((u) => u.id === c.id));
      process.stdout.write(`reusing ${DB}: ${JSON.stringify(results.sizes)}\n`);
    } else {
      const hash = bcrypt.hashSync(AGENT_PASSWORD, 10);
      agentIds = Array.from({ length: AGENTS }, () => orderedId());
      const now = new Date();
      if (agentIds.length)
        await q.query('INSERT INTO users (id, email, name, role, active, password_hash, created_at, updated_at) VALUES ?', [
          agentIds.map((id, i) => [id, `agent${i}@bench.test`, `Agent ${i}`, 'AGENT', 1, hash, now, now]),
        ]);
      process.stdout.write(
        `seeding ${CONVERSATIONS} conversations / ${MESSAGES} messages over ${channels.length} channels and ${AGENTS} agents (batches of ${BATCH})…\n`,
      );
      results.seed = await seed(q, channels, agentIds);
    }
    results.loadAfterSeed = load();
    if (results.seed) process.stdout.write(`  seed done in ${Math.round(results.seed.seconds)} s\n`);

    api = await launchApi(apiEnv(false), `${base}/api/health`);
    const adminToken = await login(base, ADMIN.email, ADMIN.password);
    const agentToken = await login(base, 'agent0@bench.test', AGENT_PASSWORD); // the busiest agent (skewed distribution)
    const ctx = { agentId: agentIds[0], channelId: channels[0].id, ...(await listParams(base)) };
    const cases = filterCases(ctx.params, ctx);
    results.listParams = ctx.params.map((p) => p.name);
    // longest thread among the unassigned conversations, so the agent may read it too (others answer 404 to an agent)
    const [[longest]] = await q.query(
      'SELECT m.conversation_id AS id, COUNT(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.assignee_id IS NULL GROUP BY m.conversation_id ORDER BY n DESC LIMIT 1',
    );
    const [[typical]] = await q.query(
      `SELECT id FROM conversations WHERE assignee_id IS NULL ORDER BY last_message_at DESC LIMIT 1 OFFSET ${Math.min(500, Math.floor(CONVERSATIONS / 10))}`,
    );
    // noise floor of the same run: the health check (one SELECT 1 through the same stack)
    const endpoints = [{ name: 'baseline: GET /api/health', path: '/api/health' }];
    for (const c of cases) endpoints.push({ name: `list ${c.name}`, path: `/api/conversations${c.query ? `?${c.query}` : ''}` });
    endpoints.push({ name: 'list page 2 (cursor)', path: '/api/conversations', cursor: true });
    endpoints.push({ name: 'thread, typical conversation', path: `/api/conversations/${typical.id}/messages` });
    endpoints.push({ name: `thread, longest conversation (${longest.n} msgs)`, path: `/api/conversations/${longest.id}/messages` });
    const countsProbe = await timed(`${base}/api/conversations/counts`, adminToken);
    results.countsStatus = countsProbe.status;
    if (ctx.hasCounts || countsProbe.status === 200) endpoints.push({ name: 'counts', path: '/api/conversations/counts' });

    process.stdout.write(`measuring ${endpoints.length} endpoints × 2 roles × ${REQUESTS} requests…\n`);
    results.loadDuringMeasure = [];
    results.endpoints = [];
    for (const e of endpoints) {
      for (const [role, token] of [
        ['admin', adminToken],
        ['agent', agentToken],
      ]) {
        let path = e.path;
        if (e.cursor) {
          const first = JSON.parse((await timed(`${base}${e.path}`, token)).body);
          path = `${e.path}?cursor=${encodeURIComponent(first.nextCursor ?? '')}`;
        }
        const r = await measure(`${base}${path}`, token, REQUESTS);
        results.endpoints.push({ endpoint: e.name, role, path, ...r });
        process.stdout.write(`  ${e.name} [${role}] status ${r.status} rows ${r.rows}: p50 ${r.p50} ms p95 ${r.p95} ms\n`);
      }
      results.loadDuringMeasure.push(load());
    }
    await stop(api);
    api = undefined;

    // SQL capture: one request per endpoint with DB_LOGGING on, then EXPLAIN of every SELECT that touched the inbox tables
    process.stdout.write('capturing SQL and EXPLAIN…\n');
    api = await launchApi(apiEnv(true), `${base}/api/health`, {
      onStdout: (chunk) => {
        sqlLog += chunk.toString();
      },
    });
    const t2 = { admin: await login(base, ADMIN.email, ADMIN.password), agent: await login(base, 'agent0@bench.test', AGENT_PASSWORD) };
    results.explains = [];
    for (const r of results.endpoints) {
      sqlLog = '';
      await timed(`${base}${r.path}`, t2[r.role]);
      await sleep(50);
      const statements = parseQueries(sqlLog).filter(
        (s) =>
          /^SELECT/i.test(s.sql) &&
          /`?(conversations|messages|contacts|message_search|contact_search|conversation_counts)`?/.test(s.sql) &&
          !/FROM `?users`?/i.test(s.sql),
      );
      for (const s of statements) {
        const sql = mysql.format(s.sql, s.params);
        const [plan] = await q.query(`EXPLAIN ${sql}`);
        results.explains.push({
          endpoint: r.endpoint,
          role: r.role,
          sql,
          plan: plan.map((p) => ({ table: p.table, type: p.type, key: p.key, rows: p.rows, Extra: p.Extra })),
        });
      }
    }
    await stop(api);
    api = undefined;
  } finally {
    await stop(api);
    await stop(sim);
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await q.end();
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const out = join(ROOT, 'tmp', `inbox-scale-bench-${Date.now()}.json`);
  try {
    writeFileSync(out, JSON.stringify(results, null, 2));
    process.stdout.write(`\nfull results: ${out}\n`);
  } catch {
    /* tmp/ missing: the JSON line below has everything */
  }
  const markdown = report(results);
  try {
    writeFileSync(join(ROOT, 'tmp', `inbox-scale-bench-${Date.now()}.md`), markdown);
  } catch {
    /* tmp/ missing */
  }
  if (WRITE_DOC) {
    const docPath = join(ROOT, 'docs/PERFORMANCE.md');
    const doc = readFileSync(docPath, 'utf8');
    const [start, end] = ['<!-- inbox-scale-bench:start -->', '<!-- inbox-scale-bench:end -->'];
    if (doc.includes(start) && doc.includes(end)) {
      writeFileSync(docPath, `${doc.slice(0, doc.indexOf(start) + start.length)}\n${markdown}\n${doc.slice(doc.indexOf(end))}`);
      process.stdout.write(`wrote the results and plans into ${docPath}\n`);
    } else process.stdout.write(`markers ${start} / ${end} not found in ${docPath}; nothing written\n`);
  }
  process.stdout.write(`\nJSON ${JSON.stringify(results)}\n`);
}

/** The run as Markdown: p50/p95 per endpoint and role, then the EXPLAIN of every SQL statement they ran. */
function report(results) {
  const cell = (v) =>
    String(v ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\s+/g, ' ');
  const lines = [
    `Run ${new Date().toISOString()} — ${results.machine}; ${results.sizes.conversations} conversations, ${results.sizes.messages} messages, ${results.sizes.agents} agents; load ${results.loadBefore} before, ${(results.loadDuringMeasure ?? []).join(' / ')} during. Generated by \`inbox-scale-bench.mjs --write-doc\`.`,
    '',
    '| endpoint | role | status | rows | samples | p50 ms | p95 ms | p95 < 50 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...(results.endpoints ?? []).map(
      (e) =>
        `| ${cell(e.endpoint)} | ${e.role} | ${e.status} | ${e.rows} | ${e.n} | ${e.p50} | ${e.p95} | ${e.endpoint.startsWith('baseline') ? '(reference)' : e.p95 < 50 ? 'met' : '**missed**'} |`,
    ),
    '',
    'EXPLAIN of every SELECT over the inbox tables that each request ran (MariaDB/MySQL `EXPLAIN`; one line per table of the plan: access type, key, estimated rows, Extra).',
    '',
    '| endpoint | role | SQL | plan |',
    '|---|---|---|---|',
    ...(results.explains ?? []).map(
      (x) =>
        `| ${cell(x.endpoint)} | ${x.role} | \`${cell(x.sql.length > 400 ? `${x.sql.slice(0, 400)}…` : x.sql).replace(/`/g, "'")}\` | ${x.plan.map((p) => cell(`${p.table}: ${p.type} ${p.key ?? '—'} ~${p.rows}${p.Extra ? ` (${p.Extra})` : ''}`)).join('<br>')} |`,
    ),
  ];
  return lines.join('\n');
}

/** TypeORM's console logger: `query: <sql> -- PARAMETERS: [json]`. */
function parseQueries(log) {
  const out = [];
  for (const line of log.split('\n')) {
    const m = /^query: (.*?)(?: -- PARAMETERS: (\[.*\]))?$/.exec(line.trim());
    if (!m) continue;
    let params = [];
    try {
      params = m[2] ? JSON.parse(m[2]) : [];
    } catch {
      params = [];
    }
    out.push({ sql: m[1], params: params.map((p) => (typeof p === 'string' && /^\d{4}-\d\d-\d\dT/.test(p) ? new Date(p) : p)) });
  }
  return out;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
