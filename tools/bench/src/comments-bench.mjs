#!/usr/bin/env node
// Comments desk at scale (not a test): seeds a dedicated MariaDB/MySQL database migrated by the built api
// with comments over posts (bulk multi-row INSERTs), then measures GET /api/comments for every filter
// (as an admin and as an agent), GET /api/comments/posts, and the cost of auto-moderation: 20 saved
// rules evaluated by the dry run (the ingestion path's code: the facts' queries + the evaluator) per comment.
//
//   npx nx build api && npx nx build meta-sim
//   node tools/bench/src/comments-bench.mjs [--comments=500000] [--posts=2000] [--rules=20] [--requests=40] [--warmups=3]
//        [--dry-run-limit=500] [--batch=5000] [--keep] [--reuse] [--db=tg_bench_comments]
//   BENCH_DB_URL=mysql://root@127.0.0.1:3306 (default)
//
// Targets (issue 10): each filter p95 < 50 ms at 500k comments / 2,000 posts; rules < 5 ms per comment at 20 rules.
// Loopback only; every loop is bounded; the database is dropped at the end unless --keep.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { flags, launch, launchApi, load, login, machine, ROOT, stop, summarize } from './bench-lib.mjs';
import { loadSearchText } from './search-text-loader.mjs';

const opts = flags();
const SERVER_URL = (process.env.BENCH_DB_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const DB = String(opts.db ?? 'tg_bench_comments');
const COMMENTS = Number(opts.comments ?? 500_000);
const POSTS = Number(opts.posts ?? 2_000);
const RULES = Number(opts.rules ?? 20);
const REQUESTS = Number(opts.requests ?? 40);
// requests per case before timing: the first ones after a seed read cold pages, which is the seed's cost, not the query's
const WARM_UPS = Number(opts.warmups ?? 3);
const DRY_RUN_LIMIT = Math.min(500, Number(opts['dry-run-limit'] ?? 500));
const BATCH = Number(opts.batch ?? 5000);
const REUSE = Boolean(opts.reuse);
const KEEP = Boolean(opts.keep) || REUSE;
const PORTS = { api: Number(opts['api-port'] ?? 3931), sim: Number(opts['sim-port'] ?? 3932) };
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' };
const AGENT = { email: 'agent@bench.test', password: 'bench-agent-password' };
const DAY = 86_400_000;
const { searchDocument } = await loadSearchText();

let idSeq = 0;
const idPrefix = randomBytes(4).toString('hex');
/** Time-ordered ids in the UUID text format (append to the clustered index). */
function orderedId() {
  idSeq += 1;
  const h = idSeq.toString(16).padStart(15, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-8${idPrefix.slice(0, 3)}-${idPrefix}${randomBytes(2).toString('hex')}`;
}
const dt = (ms) => new Date(ms);
const pick = (weights) => {
  let r = Math.random();
  for (const [value, w] of weights) if ((r -= w) < 0) return value;
  return weights[weights.length - 1][0];
};
const WORDS = [
  'love this',
  'price?',
  'do you ship to Austria',
  'size 38 available',
  'refund please',
  'amazing colours',
  'when is the restock',
  'follow me for followers',
  'call 0176 1234 5678',
  '🔥🔥🔥',
  'is it waterproof',
  'great service',
];

async function insertBatches(conn, table, columns, rows) {
  const sql = `INSERT INTO ${table} (${columns.join(',')}) VALUES ?`;
  for (let i = 0; i < rows.length; i += BATCH) await conn.query(sql, [rows.slice(i, i + BATCH)]);
}

async function seed(q, channels, agentId) {
  const now = Date.now();
  const started = Date.now();
  await q.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  // the api writes each comment's search document (comment_search); bulk-loaded without its FULLTEXT index, re-added once
  await q.query('DROP INDEX ft_comment_search_body ON comment_search');
  const posts = [];
  const postRows = [];
  for (let i = 0; i < POSTS; i += 1) {
    const channel = channels[i % channels.length];
    const isAd = i % 10 === 0;
    const type = isAd
      ? 'AD'
      : channel.platform === 'INSTAGRAM'
        ? pick([
            ['FEED', 0.6],
            ['REELS', 0.3],
            ['STORY', 0.08],
            ['LIVE', 0.02],
          ])
        : 'POST';
    const externalId = channel.platform === 'INSTAGRAM' ? String(19_000_000_000_000_000n + BigInt(i)) : `${channel.external}_${9_000_000_000 + i}`;
    const postedAt = now - Math.floor(400 * DAY * Math.random() ** 2);
    posts.push({ channel, externalId, type, isAd, postedAt, last: postedAt });
    postRows.push([
      orderedId(),
      channel.id,
      channel.platform,
      externalId,
      type,
      isAd,
      `Post ${i} caption`,
      `https://example.com/p/${i}`,
      dt(postedAt),
      dt(postedAt),
      dt(postedAt),
      dt(postedAt),
      dt(postedAt),
    ]);
  }
  let rows = [];
  let docs = [];
  for (let i = 0; i < COMMENTS; i += 1) {
    // a few posts draw most comments
    const post = posts[Math.floor(POSTS * Math.random() ** 2.5)];
    const at = Math.min(now, post.postedAt + Math.floor(30 * DAY * Math.random() ** 3));
    post.last = Math.max(post.last, at);
    const own = Math.random() < 0.1;
    const status = own
      ? 'own'
      : pick([
          ['needs_reply', 0.25],
          ['replied', 0.45],
          ['done', 0.1],
          ['hidden', 0.12],
          ['deleted', 0.08],
        ]);
    const kind =
      post.type === 'LIVE'
        ? 'live_comment'
        : pick([
            ['comment', 0.93],
            ['mention', 0.05],
            ['post', 0.02],
          ]);
    const isReply = kind === 'comment' && Math.random() < 0.25;
    const assignee = Math.random() < 0.1 ? agentId : null;
    const author = String(6_500_000_000_000_000 + Math.floor(Math.random() * COMMENTS * 0.3));
    const text = `${WORDS[i % WORDS.length]} #${i}`;
    const id = orderedId();
    const authorName = `Author ${author.slice(-5)}`;
    const authorUsername = `user_${author.slice(-6)}`;
    const body = own ? 'Thanks!' : text;
    docs.push([id, searchDocument(body, authorName, authorUsername)]);
    rows.push([
      id,
      post.channel.id,
      post.channel.platform,
      kind,
      `c_${i}`,
      isReply ? `c_${Math.max(0, i - 1)}` : null,
      isReply,
      post.externalId,
      post.type,
      post.isAd ? 'bench-ad' : null,
      post.isAd,
      author,
      authorName,
      authorUsername,
      own,
      body,
      status === 'hidden',
      status === 'deleted' ? dt(at + 60_000) : null,
      status,
      assignee,
      status === 'replied' ? dt(at + 600_000) : null,
      status === 'done' ? dt(at + 600_000) : null,
      dt(at),
      dt(at),
      dt(at),
    ]);
    if (rows.length >= BATCH) {
      await insertComments(q, rows);
      await insertBatches(q, 'comment_search', ['comment_id', 'body'], docs);
      rows = [];
      docs = [];
    }
    if (i > 0 && i % 100_000 === 0) process.stdout.write(`  seeded ${i} comments (${Math.round((Date.now() - started) / 1000)} s, load ${load()})\n`);
  }
  if (rows.length) await insertComments(q, rows);
  if (docs.length) await insertBatches(q, 'comment_search', ['comment_id', 'body'], docs);
  await q.query('ALTER TABLE comment_search ADD FULLTEXT INDEX ft_comment_search_body (body), FORCE');
  for (let i = 0; i < postRows.length; i += 1) postRows[i][10] = dt(posts[i].last);
  // the api keeps comment_counts and comment_channel_counts on every write; a bulk seed rebuilds them once (the same SQL as the migrations)
  await q.query('DELETE FROM comment_counts');
  await q.query(`INSERT INTO comment_counts (channel_id, object_external_id, kind, is_reply, is_ad, assignee_id, status, platform, n)
    SELECT channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform, COUNT(*)
    FROM comments GROUP BY channel_id, COALESCE(object_external_id, ''), kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`);
  await q.query('DELETE FROM comment_channel_counts');
  await q.query(`INSERT INTO comment_channel_counts (channel_id, kind, is_reply, is_ad, assignee_id, status, slot, platform, n)
    SELECT channel_id, kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, 0, platform, COUNT(*)
    FROM comments GROUP BY channel_id, kind, is_reply, is_ad, COALESCE(assignee_id, ''), status, platform`);
  await insertBatches(
    q,
    'comment_posts',
    [
      'id',
      'channel_id',
      'platform',
      'external_id',
      'product_type',
      'is_ad',
      'caption',
      'permalink_url',
      'posted_at',
      'fetched_at',
      'last_comment_at',
      'created_at',
      'updated_at',
    ],
    postRows,
  );
  await q.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  for (const t of ['comments', 'comment_posts', 'comment_counts', 'comment_channel_counts', 'comment_search']) await q.query(`ANALYZE TABLE ${t}`);
  return { seconds: (Date.now() - started) / 1000, hotPost: posts[0].externalId, channel: channels[0].id };
}

function insertComments(q, rows) {
  return insertBatches(
    q,
    'comments',
    [
      'id',
      'channel_id',
      'platform',
      'kind',
      'external_id',
      'parent_external_id',
      'is_reply',
      'object_external_id',
      'media_product_type',
      'ad_id',
      'is_ad',
      'author_external_id',
      'author_name',
      'author_username',
      'is_from_business',
      'text',
      'is_hidden',
      'removed_at',
      'status',
      'assignee_id',
      'replied_at',
      'done_at',
      'commented_at',
      'created_at',
      'updated_at',
    ],
    rows,
  );
}

async function timed(url, token, init = {}) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = await res.text();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.status, body };
}

async function measure(url, token, n) {
  for (let i = 0; i < WARM_UPS; i += 1) await timed(url, token);
  const samples = [];
  let last;
  for (let i = 0; i < n; i += 1) {
    last = await timed(url, token);
    samples.push(last.ms);
  }
  let rows = '';
  try {
    rows = JSON.parse(last.body).items?.length ?? '';
  } catch {
    /* not JSON */
  }
  return { status: last.status, rows, ...summarize(samples) };
}

async function main() {
  const server = await mysql.createConnection({ uri: SERVER_URL });
  if (!REUSE) {
    await server.query(`DROP DATABASE IF EXISTS ${DB}`);
    await server.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const [[version]] = await server.query('SELECT VERSION() AS v');
  const dbUrl = `${SERVER_URL}/${DB}`;
  const q = await mysql.createConnection({ uri: dbUrl });
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-comments-'));
  const base = `http://127.0.0.1:${PORTS.api}`;
  const results = { machine: machine(version.v), sizes: { comments: COMMENTS, posts: POSTS, rules: RULES }, loadBefore: load() };
  let sim;
  let api;
  try {
    sim = await launch(
      join(ROOT, 'dist/tools/meta-sim/main.js'),
      { META_SIM_PORT: String(PORTS.sim), META_SIM_WEBHOOK_INSTAGRAM_URL: 'http://127.0.0.1:9/none', META_SIM_WEBHOOK_FACEBOOK_URL: 'http://127.0.0.1:9/none' },
      `http://127.0.0.1:${PORTS.sim}/_sim`,
    );
    api = await launchApi(
      {
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
        COMMENTS_BACKFILL_ON_CONNECT: 'false',
      },
      `${base}/api/health`,
    );
    // access tokens expire (15 min); a slow run re-signs in before each phase
    let admin = await login(base, ADMIN.email, ADMIN.password);
    let channels = [];
    for (let i = 0; i < 150 && channels.length < 2; i += 1) {
      const res = await timed(`${base}/api/channels`, admin);
      channels =
        res.status === 200
          ? JSON.parse(res.body)
              .filter((c) => c.status === 'active')
              .map((c) => ({ id: c.id, platform: c.platform, external: c.externalId }))
          : [];
      if (channels.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    if (!channels.length) throw new Error('the sandbox channels did not connect');
    const created = await timed(`${base}/api/users`, admin, {
      method: 'POST',
      body: JSON.stringify({ email: AGENT.email, name: 'Bench Agent', password: AGENT.password, role: 'AGENT' }),
    });
    let agentToken = await login(base, AGENT.email, AGENT.password);
    const signIn = async () => {
      admin = await login(base, ADMIN.email, ADMIN.password);
      agentToken = await login(base, AGENT.email, AGENT.password);
    };
    const agentId = created.status < 300 ? JSON.parse(created.body).id : JSON.parse((await timed(`${base}/api/auth/me`, agentToken)).body).id;

    const seeded = REUSE ? null : await seed(q, channels, agentId);
    if (seeded) results.seedSeconds = seeded.seconds;
    const [[hot]] = await q.query('SELECT object_external_id AS post FROM comments GROUP BY object_external_id ORDER BY COUNT(*) DESC LIMIT 1');
    const cases = [
      ['default (needs_reply)', ''],
      ...['replied', 'done', 'hidden', 'deleted', 'all'].map((s) => [`status=${s}`, `status=${s}`]),
      ['platform=INSTAGRAM', 'platform=INSTAGRAM'],
      ['platform=FACEBOOK', 'platform=FACEBOOK'],
      ['channelId', `channelId=${channels[0].id}`],
      ['postId (busiest post)', `postId=${encodeURIComponent(hot.post)}`],
      ['source=ad', 'source=ad'],
      ['source=organic', 'source=organic'],
      ...['comment', 'reply', 'mention', 'live', 'post'].map((k) => [`kind=${k}`, `kind=${k}`]),
      ['assignee=unassigned', 'assignee=unassigned'],
      ['assignee=<agent>', `assignee=${agentId}`],
      ['search=refund (common word)', 'search=refund'],
      ['search=#4242 (rare)', `search=${encodeURIComponent('#4242 ')}`],
      ['second page (cursor)', null],
    ];
    // the same-run baseline: the same stack (auth, Nest, one SELECT 1) without the desk's queries
    results.baseline = await measure(`${base}/api/health`, admin, REQUESTS);
    process.stdout.write(`  baseline: GET /api/health        p95 ${results.baseline.p95} ms\n`);
    results.list = [];
    for (const [name, query] of cases) {
      await signIn();
      let url = `${base}/api/comments?${query ?? ''}`;
      if (query === null) {
        const first = JSON.parse((await timed(`${base}/api/comments?status=all`, admin)).body);
        url = `${base}/api/comments?status=all&cursor=${encodeURIComponent(first.nextCursor)}`;
      }
      const asAdmin = await measure(url, admin, REQUESTS);
      const asAgent = await measure(url, agentToken, REQUESTS);
      results.list.push({ name, admin: asAdmin, agent: asAgent });
      process.stdout.write(`  ${name.padEnd(30)} admin p95 ${asAdmin.p95} ms · agent p95 ${asAgent.p95} ms (${asAdmin.rows} rows, load ${load()})\n`);
    }
    await signIn();
    // each of 12 words searched once: the cases above repeat a word, whose pages and counts may be warm in the database
    const firstSearches = [];
    for (const word of ['love', 'price', 'ship', 'austria', 'size', 'amazing', 'colours', 'restock', 'followers', 'waterproof', 'great', 'service'])
      firstSearches.push((await timed(`${base}/api/comments?search=${word}`, admin)).ms);
    results.firstSearch = summarize(firstSearches);
    process.stdout.write(
      `  search, a common word's first request (12 words, once each) p50 ${results.firstSearch.p50} ms · p95 ${results.firstSearch.p95} ms\n`,
    );
    results.posts = await measure(`${base}/api/comments/posts?limit=50`, admin, REQUESTS);
    process.stdout.write(`  GET /api/comments/posts          p95 ${results.posts.p95} ms\n`);

    const dryRun = async () => {
      const ms = [];
      for (let i = 0; i < 5; i += 1)
        ms.push((await timed(`${base}/api/comment-rules/dry-run`, admin, { method: 'POST', body: JSON.stringify({ limit: DRY_RUN_LIMIT }) })).ms);
      return summarize(ms.map((v) => v / DRY_RUN_LIMIT));
    };
    await signIn();
    // baseline of the rules: the dry run with no rule (reading the comments), so what 20 rules add is the difference;
    // a `--reuse` run starts from no rules too (an earlier run's rules stay in the database)
    await q.query('DELETE FROM comment_rules');
    const noRules = await dryRun();
    for (let i = 0; i < RULES; i += 1) {
      const body = {
        name: `Bench rule ${i}`,
        conditions:
          i % 4 === 0
            ? { containsPhone: true }
            : i % 4 === 1
              ? { keywords: { words: [`word${i}`, 'refund'], mode: 'any' }, containsLink: true }
              : i % 4 === 2
                ? { regex: { pattern: `\\bprice\\b.*${i}` } }
                : { emojiOnly: true, firstCommentOfUser: true },
        actions: i % 2 ? [{ type: 'hide' }] : [{ type: 'private_reply', text: 'Hi {{first_name}}!' }],
      };
      const res = await timed(`${base}/api/comment-rules`, admin, { method: 'POST', body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`rule ${i}: ${res.status} ${res.body}`);
    }
    const perComment = await dryRun();
    const added = Math.round((perComment.p50 - noRules.p50) * 1000) / 1000;
    results.rules = { rules: RULES, comments: DRY_RUN_LIMIT, msPerComment: perComment, msPerCommentNoRules: noRules, addedMsPerComment: added };
    process.stdout.write(
      `  rules: ${RULES} rules over ${DRY_RUN_LIMIT} comments: p50 ${perComment.p50} ms / comment (no rules: ${noRules.p50} ms) → ${added} ms added per comment\n`,
    );
    results.loadAfter = load();
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    if (api) await stop(api);
    if (sim) await stop(sim);
    if (!KEEP) await server.query(`DROP DATABASE IF EXISTS ${DB}`).catch(() => undefined);
    await q.end().catch(() => undefined);
    await server.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
