import { SIM_SEED } from '@ticklegram/meta-sim';
import {
  CommentActionResponse,
  CommentBackfillDto,
  CommentDetailResponse,
  CommentDto,
  CommentListResponse,
  CommentPostListResponse,
  CommentRuleDryRunResponse,
  CommentRuleDto,
  CommentRuleLogResponse,
  PersonCommentsResponse,
  Role,
} from '@ticklegram/domain-models';
import { CommentActionWorker } from '../../src/modules/comments/moderation/comment-action.worker';
import { CommentBackfillService } from '../../src/modules/comments/backfill/comment-backfill.service';
import { COMMENT_SEARCH_LIMITS } from '../../src/modules/comments/repositories/comment-search.repository';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

jest.setTimeout(120_000);

const { media, instagramCustomers, newCustomers } = SIM_SEED as unknown as {
  media: Record<string, string>;
  instagramCustomers: { igsid: string; username: string }[];
  newCustomers: { instagram: { igsid: string } };
};
// people on the phone: @reel.fan, @sofia.designs, and Noah, who never wrote a DM
const commenters = {
  anna: { igsid: instagramCustomers[1]?.igsid as string },
  spammer: { igsid: instagramCustomers[3]?.igsid as string },
  marco: { igsid: newCustomers.instagram.igsid },
};

describe('comments desk (SQLite, or MariaDB with TEST_DATABASE_URL)', () => {
  let h: IngestionHarness;
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };

  const api = async <T>(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    token: string,
    body?: object,
    expected?: number,
  ): Promise<{ status: number; body: T }> => {
    const req = h.t.http[method](path).set('Authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    if (expected !== undefined && res.status !== expected) throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return { status: res.status, body: res.body as T };
  };
  const comment = async (customerId: string, objectId: string, text: string, parentId?: string) => {
    const sent = await h.control<{ id: string }>(`/_sim/customers/${customerId}/comments`, { objectId, text, ...(parentId ? { parentId } : {}) });
    await h.settle();
    return sent.id;
  };
  /** `postId` narrows the search for old (seeded) comments that are not among the 100 newest. */
  const stored = async (externalId: string, postId?: string): Promise<CommentDto> => {
    const query = `status=all&limit=100${postId ? `&postId=${encodeURIComponent(postId)}` : ''}`;
    const found = (await api<CommentListResponse>('get', `/api/comments?${query}`, h.admin, undefined, 200)).body.items.find(
      (c) => c.externalId === externalId,
    );
    if (!found) throw new Error(`comment ${externalId} not in the desk`);
    return found;
  };
  const drain = () => h.t.app.get(CommentActionWorker).drain();

  beforeAll(async () => {
    h = await startIngestionHarness({ COMMENTS_BACKFILL_ON_CONNECT: 'false', COMMENTS_PRIVATE_REPLIES_PER_HOUR: '3', COMMENTS_QUEUE_POLL_MS: '100' });
    const a = await h.t.createUser(Role.AGENT);
    const b = await h.t.createUser(Role.AGENT);
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };
  });
  afterAll(async () => h?.close());

  it('stores an ad comment from the phone as needs reply, with filters, counts and the post', async () => {
    const id = await comment(commenters.anna.igsid, media['ad'] as string, 'Is this jacket waterproof?');
    const list = (await api<CommentListResponse>('get', '/api/comments?status=needs_reply&source=ad', h.admin, undefined, 200)).body;
    const found = list.items.find((c) => c.externalId === id);
    expect(found).toMatchObject({
      status: 'needs_reply',
      source: 'ad',
      kind: 'comment',
      isReply: false,
      text: 'Is this jacket waterproof?',
      author: { username: instagramCustomers[1]?.username },
    });
    expect(list.counts.needs_reply).toBeGreaterThanOrEqual(1);
    expect(list.counts.all).toBe(
      Object.entries(list.counts)
        .filter(([k]) => k !== 'all')
        .reduce((n, [, v]) => n + v, 0),
    );
    expect(
      (await api<CommentListResponse>('get', '/api/comments?status=needs_reply&source=organic', h.admin, undefined, 200)).body.items.map((c) => c.externalId),
    ).not.toContain(id);
    expect((await api<CommentListResponse>('get', '/api/comments?kind=reply', h.admin, undefined, 200)).body.items.map((c) => c.externalId)).not.toContain(id);
    expect(
      (await api<CommentListResponse>('get', `/api/comments?search=WATERPROOF&postId=${media['ad']}`, h.admin, undefined, 200)).body.items.map(
        (c) => c.externalId,
      ),
    ).toEqual([id]);
    // full text, as in the inbox: word prefixes, every word, the author's username; never the middle of a word
    const searched = async (q: string) =>
      (await api<CommentListResponse>('get', `/api/comments?search=${encodeURIComponent(q)}&postId=${media['ad']}`, h.admin, undefined, 200)).body.items.map(
        (c) => c.externalId,
      );
    expect(await searched('jack waterpr')).toEqual([id]);
    expect(await searched(`${instagramCustomers[1]?.username} jacket`)).toEqual([id]);
    expect(await searched('aterproof')).toEqual([]);
    expect(await searched('jacket raincoat')).toEqual([]);

    const posts = (await api<CommentPostListResponse>('get', '/api/comments/posts', h.admin, undefined, 200)).body;
    expect(posts.items.find((p) => p.externalId === media['ad'])).toMatchObject({ isAd: true, needsReplyCount: 1, commentCount: 1 });
  });

  it('searches a common word by walking the stream (same pages as the id list), its counts as lower bounds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await comment(commenters.anna.igsid, media['ad'] as string, `zebracorn giveaway ${i}`));
      await comment(commenters.marco.igsid, media['ad'] as string, `unrelated words ${i}`);
    }
    const pages = async (limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let atLeast = false;
      let all = 0;
      do {
        const query = `search=zebracorn&status=all&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const body: CommentListResponse = (await api<CommentListResponse>('get', `/api/comments?${query}`, h.admin, undefined, 200)).body;
        if (!seen.length) [atLeast, all] = [body.countsAtLeast, body.counts.all];
        seen.push(...body.items.map((c) => c.externalId));
        cursor = body.nextCursor;
      } while (cursor);
      return { seen, atLeast, all };
    };
    // few matches: an id list, exact counts (newest first by time then id: same-second comments in id order)
    const exact = await pages(100);
    expect({ ...exact, seen: [...exact.seen].sort() }).toEqual({ seen: [...ids].sort(), atLeast: false, all: 5 });
    const defaults = { ...COMMENT_SEARCH_LIMITS };
    try {
      // "many" matches: the stream is walked two rows at a time, then the full-text index takes over after four
      Object.assign(COMMENT_SEARCH_LIMITS, { candidateCap: 2, scanChunk: 2, scanMax: 4 });
      const many = await pages(2);
      expect(many.seen).toEqual(exact.seen);
      expect(many.atLeast).toBe(true);
      expect(many.all).toBeGreaterThanOrEqual(1);
      expect(many.all).toBeLessThanOrEqual(5);
      // the "many" verdict is reused for a while: the pages stay live (a new match is first), only the counts' sample is kept
      const newest = await comment(commenters.anna.igsid, media['ad'] as string, 'zebracorn again');
      const again = await pages(2);
      expect(again.seen).toContain(newest);
      expect(again.seen.filter((id) => id !== newest)).toEqual(exact.seen);
      expect(again.atLeast).toBe(true);
      ids.push(newest);
    } finally {
      Object.assign(COMMENT_SEARCH_LIMITS, defaults);
    }
  });

  it('validates every query and body with field-level reasons', async () => {
    const bad = await api<{ errors: { field: string }[] }>('get', '/api/comments?status=nope&limit=0&platform=X', h.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['limit', 'platform', 'status']);
    const c = await stored((await api<CommentListResponse>('get', '/api/comments?status=needs_reply', h.admin)).body.items[0]?.externalId ?? '');
    const empty = await api<{ errors: { field: string }[] }>('post', `/api/comments/${c.id}/replies`, h.admin, { text: '  ', extra: 1 });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e) => e.field).sort()).toEqual(['extra', 'text']);
    expect((await h.t.http.get('/api/comments')).status).toBe(401);
  });

  it('sends a private reply once: the DM conversation opens and shows the comment; a second one is 409', async () => {
    const id = await comment(commenters.marco.igsid, media['post'] as string, 'Do you ship to Italy?');
    const c = await stored(id);
    const sent = await api<CommentActionResponse>('post', `/api/comments/${c.id}/private-reply`, h.admin, { text: 'Yes! Details in your DMs.' }, 201);
    expect(sent.body.comment).toMatchObject({ status: 'replied', privateReply: { recipientId: commenters.marco.igsid } });
    expect(sent.body.action).toMatchObject({ action: 'private_reply', status: 'done', actor: { type: 'user' } });
    // the phone got it as a DM
    const thread = await h.control<{ messages: { text?: string; direction: string }[] }>(`/_sim/customers/${commenters.marco.igsid}/conversation`);
    expect(thread.messages.some((m) => m.direction === 'outbound' && m.text === 'Yes! Details in your DMs.')).toBe(true);

    const again = await api<{ code: string; message: string }>('post', `/api/comments/${c.id}/private-reply`, h.admin, { text: 'Again?' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/one per comment/);

    await h.settle();
    const detail = (await api<CommentDetailResponse>('get', `/api/comments/${c.id}`, h.admin, undefined, 200)).body;
    expect(detail.conversation).toMatchObject({ visible: true });
    expect(detail.activity.map((a) => `${a.action}:${a.status}`)).toEqual(['private_reply:done']);
    expect(detail.privateReply).toMatchObject({ allowed: false, code: 'already_sent' });
    // the conversation shows the originating comment, and the message is the agent's
    const person = (await api<PersonCommentsResponse>('get', `/api/conversations/${detail.conversation?.id}/comments`, h.admin, undefined, 200)).body;
    expect(person.items.map((i) => i.id)).toContain(c.id);
    const messages = await api<{ items: { text: string; source: string }[] }>(
      'get',
      `/api/conversations/${detail.conversation?.id}/messages`,
      h.admin,
      undefined,
      200,
    );
    expect(messages.body.items.filter((m) => m.text === 'Yes! Details in your DMs.').map((m) => m.source)).toEqual(['agent']);
  });

  it('refuses a private reply after 7 days with 422 and the reason', async () => {
    // seeded before the api existed: it becomes known through a backfill
    await api('post', '/api/comments/backfill', h.admin, {}, 202);
    await h.t.app.get(CommentBackfillService).idle();
    const old = await stored('18000000000000203', media['carousel']);
    const res = await api<{ code: string; message: string }>('post', `/api/comments/${old.id}/private-reply`, h.admin, { text: 'Hi' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'COMMENTS_PRIVATE_REPLY_NOT_ALLOWED' });
    expect(res.body.message).toMatch(/7 days/);
  });

  it('replies publicly, hides, unhides and deletes, each audited and visible on Meta', async () => {
    const id = await comment(commenters.anna.igsid, media['reel'] as string, 'Where is this filmed?');
    const c = await stored(id);
    const reply = await api<CommentActionResponse>('post', `/api/comments/${c.id}/replies`, agentA.token, { text: 'In Vienna!' }, 201);
    expect(reply.body.comment.status).toBe('replied');
    await api('post', `/api/comments/${c.id}/hide`, agentA.token, undefined, 200);
    expect(
      (await h.control<{ data: { id: string; hidden: boolean }[] }>(`/_sim/comments?objectId=${media['reel']}`)).data.find((x) => x.id === id),
    ).toMatchObject({ hidden: true });
    expect((await api('post', `/api/comments/${c.id}/hide`, agentA.token)).status).toBe(422);
    await api('post', `/api/comments/${c.id}/unhide`, agentA.token, undefined, 200);
    const deleted = await api<CommentActionResponse>('delete', `/api/comments/${c.id}`, agentA.token, undefined, 200);
    expect(deleted.body.comment).toMatchObject({ status: 'deleted', removed: true, removedBy: 'business', text: null });
    await h.settle();
    const detail = (await api<CommentDetailResponse>('get', `/api/comments/${c.id}`, h.admin, undefined, 200)).body;
    expect(detail.activity.map((a) => a.action)).toEqual(['public_reply', 'hide', 'unhide', 'delete']);
    expect(detail.replies.map((r) => [r.text, r.isFromBusiness])).toEqual([['In Vienna!', true]]);
  });

  it('scopes comments by assignee like conversations; assign and done are audited', async () => {
    const id = await comment(commenters.anna.igsid, media['post'] as string, 'Question for agent A');
    const c = await stored(id);
    await api('post', `/api/comments/${c.id}/assign`, agentA.token, { assigneeId: agentA.id }, 200);
    expect((await api('get', `/api/comments/${c.id}`, agentB.token)).status).toBe(404);
    expect((await api<CommentListResponse>('get', '/api/comments?status=all&limit=100', agentB.token)).body.items.map((x) => x.id)).not.toContain(c.id);
    expect((await api<CommentListResponse>('get', '/api/comments?assignee=me', agentA.token)).body.items.map((x) => x.id)).toContain(c.id);
    expect((await api('post', `/api/comments/${c.id}/assign`, agentB.token, { assigneeId: agentB.id })).status).toBe(404);
    const done = await api<CommentActionResponse>('post', `/api/comments/${c.id}/done`, agentA.token, { done: true }, 200);
    expect(done.body.comment.status).toBe('done');
    const reopened = await api<CommentActionResponse>('post', `/api/comments/${c.id}/done`, agentA.token, { done: false }, 200);
    expect(reopened.body.comment.status).toBe('needs_reply');
  });

  it('runs rules in order after storing the comment: a phone number is hidden on Meta within a second, logged', async () => {
    const admin = h.admin;
    const hide = (
      await api<CommentRuleDto>(
        'post',
        '/api/comment-rules',
        admin,
        { name: 'Hide phone numbers', stopProcessing: true, conditions: { containsPhone: true }, actions: [{ type: 'hide' }] },
        201,
      )
    ).body;
    const never = (
      await api<CommentRuleDto>(
        'post',
        '/api/comment-rules',
        admin,
        { name: 'Label everything', conditions: {}, actions: [{ type: 'assign', userId: agentB.id }] },
        201,
      )
    ).body;
    const started = Date.now();
    const id = await comment(commenters.spammer.igsid, media['post'] as string, 'Cheap followers! Call +49 176 1234 5678');
    const hidden = await waitFor(
      async () => {
        const c = await stored(id);
        return c.status === 'hidden' ? c : null;
      },
      5_000,
      'the rule to hide the comment',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // stopProcessing: the second rule did not run
    expect(hidden.assigneeId).toBeNull();
    const sim = (await h.control<{ data: { id: string; hidden: boolean }[] }>(`/_sim/comments?objectId=${media['post']}`)).data.find((x) => x.id === id);
    expect(sim?.hidden).toBe(true);
    const log = (await api<CommentRuleLogResponse>('get', `/api/comment-rules/${hide.id}/log`, admin, undefined, 200)).body;
    expect(log.items[0]).toMatchObject({
      action: 'hide',
      status: 'done',
      actor: { type: 'rule', name: 'Hide phone numbers' },
      commentText: 'Cheap followers! Call +49 176 1234 5678',
    });

    // without a phone number the second rule assigns
    const other = await comment(commenters.anna.igsid, media['post'] as string, 'Lovely colours');
    expect((await stored(other)).assigneeId).toBe(agentB.id);

    const dry = (await api<CommentRuleDryRunResponse>('post', '/api/comment-rules/dry-run', admin, { limit: 50 }, 200)).body;
    expect(dry.evaluated).toBeGreaterThan(0);
    expect(dry.results.find((r) => r.comment.externalId === id)?.matches.map((m) => m.ruleName)).toEqual(['Hide phone numbers']);
    await api('delete', `/api/comment-rules/${never.id}`, admin, undefined, 204);
    await api('delete', `/api/comment-rules/${hide.id}`, admin, undefined, 204);
    expect((await api('get', '/api/comment-rules', agentA.token)).status).toBe(403);
    const badRule = await api<{ errors: { field: string }[] }>('post', '/api/comment-rules', admin, {
      name: 'x',
      conditions: { regex: { pattern: '(a+)+$' } },
      actions: [{ type: 'public_reply' }],
    });
    expect(badRule.status).toBe(400);
    expect(badRule.body.errors.map((e) => e.field).sort()).toEqual(['actions.0.text', 'conditions.regex.pattern']);
  });

  it('queues private replies over the hourly limit instead of dropping them, once per person per post', async () => {
    const rule = (
      await api<CommentRuleDto>(
        'post',
        '/api/comment-rules',
        h.admin,
        {
          name: 'DM price askers',
          conditions: { keywords: { words: ['price'], mode: 'any' } },
          actions: [{ type: 'private_reply', text: 'Hi {{first_name}}, prices are in your DMs.' }],
        },
        201,
      )
    ).body;
    const customers = instagramCustomers.slice(0, 4).map((c) => c.igsid);
    const ids: string[] = [];
    for (const customer of customers) ids.push(await comment(customer, media['carousel'] as string, 'What is the price?'));
    // the same person again on the same post: skipped, not a second DM
    ids.push(await comment(customers[0] as string, media['carousel'] as string, 'price please?'));
    await drain();
    const states = await Promise.all(ids.map((id) => stored(id)));
    const sentBefore = (await api<CommentRuleLogResponse>('get', `/api/comment-rules/${rule.id}/log`, h.admin, undefined, 200)).body.items;
    // the limit is 3 per hour in this test and one private reply went out earlier in this file
    const done = sentBefore.filter((e) => e.status === 'done').length;
    const queued = sentBefore.filter((e) => e.status === 'queued');
    expect(done).toBe(2);
    expect(queued.length).toBe(2);
    expect(queued[0]?.reason).toMatch(/limit of 3 private replies per hour/);
    expect(sentBefore.filter((e) => e.status === 'skipped').map((e) => e.reason)).toEqual(['This person already got a private reply on this post.']);
    expect(states.filter((s) => s.privateReplyQueued).length).toBe(2);
    await api('delete', `/api/comment-rules/${rule.id}`, h.admin, undefined, 204);
  });

  it('backfills idempotently and merges with what webhooks stored', async () => {
    const viaWebhook = await comment(commenters.anna.igsid, media['restock'] as string, 'Back in stock when?');
    const first = (await api<CommentBackfillDto[]>('post', '/api/comments/backfill', h.admin, {}, 202)).body;
    expect(first.length).toBeGreaterThanOrEqual(2);
    await h.t.app.get(CommentBackfillService).idle();
    const count = () => h.count('SELECT COUNT(*) AS n FROM comments');
    const after1 = await count();
    await api('post', '/api/comments/backfill', h.admin, {}, 202);
    await h.t.app.get(CommentBackfillService).idle();
    expect(await count()).toBe(after1);
    expect(await h.count('SELECT COUNT(*) AS n FROM comments WHERE external_id = ?', [viaWebhook])).toBe(1);
    const runs = (await api<CommentBackfillDto[]>('get', '/api/comments/backfills', h.admin, undefined, 200)).body;
    expect(runs.every((r) => r.status === 'done')).toBe(true);
    expect(runs.reduce((n, r) => n + r.commentsSeen, 0)).toBeGreaterThan(0);
    // the seeded spam and the Page's umbrella complaint are in the desk now
    expect((await stored('18000000000000213', media['restock'])).text).toMatch(/\d/);
    expect((await stored('122100000000000003_900000000000013', '104825791234560_122100000000000003')).platform).toBe('FACEBOOK');
  });

  /** Both counter tables, summed per key (slots of `comment_channel_counts` added up), equal a recount of `comments`. */
  const expectCountersEqualRecount = async () => {
    const keyed = (rows: { k: string; n: number | string }[]) => Object.fromEntries(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.k, Number(r.n)]));
    /** A row's key as one string: channel, (post,) kind, reply, ad, assignee, status. */
    const key = (post: string | null, assignee: string) => {
      const parts = ['channel_id', ...(post ? [post] : []), 'kind', 'is_reply + 0', 'is_ad + 0', assignee, 'status'];
      return h.t.dataSource.options.type === 'better-sqlite3' ? parts.map((p) => `(${p})`).join(" || ':' || ") : `CONCAT_WS(':', ${parts.join(', ')})`;
    };
    const recount = (post: boolean) =>
      h.t.dataSource.query(
        `SELECT ${key(post ? "COALESCE(object_external_id, '')" : null, "COALESCE(assignee_id, '')")} AS k, COUNT(*) AS n FROM comments GROUP BY k`,
      );
    const counters = (table: string, post: boolean) =>
      h.t.dataSource.query(`SELECT ${key(post ? 'object_external_id' : null, 'assignee_id')} AS k, SUM(n) AS n FROM ${table} GROUP BY k`);
    const perChannel = keyed(await counters('comment_channel_counts', false));
    expect(Object.keys(perChannel).length).toBeGreaterThan(3);
    expect(perChannel).toEqual(keyed(await recount(false)));
    expect(keyed(await counters('comment_counts', true))).toEqual(keyed(await recount(true)));
  };

  it('keeps both counter tables equal to a recount through a new comment, an assignment, done, a hide and a delete', async () => {
    await expectCountersEqualRecount();
    const c = await stored(await comment(commenters.marco.igsid, media['reel'] as string, 'How much is shipping?'));
    await expectCountersEqualRecount();
    const byStatus = async (query: string, token = h.admin) =>
      (await api<CommentListResponse>('get', `/api/comments?${query}`, token, undefined, 200)).body.counts;
    const recount = async (where: string, params: unknown[] = []) =>
      h.count(`SELECT COUNT(*) AS n FROM comments WHERE status = 'needs_reply' AND ${where}`, params);
    const steps: [string, () => Promise<unknown>][] = [
      ['assign', () => api('post', `/api/comments/${c.id}/assign`, h.admin, { assigneeId: agentA.id }, 200)],
      ['done', () => api('post', `/api/comments/${c.id}/done`, agentA.token, { done: true }, 200)],
      ['reopen', () => api('post', `/api/comments/${c.id}/done`, agentA.token, { done: false }, 200)],
      ['hide', () => api('post', `/api/comments/${c.id}/hide`, agentA.token, undefined, 200)],
      ['unhide', () => api('post', `/api/comments/${c.id}/unhide`, agentA.token, undefined, 200)],
      ['delete', () => api('delete', `/api/comments/${c.id}`, agentA.token, undefined, 200)],
    ];
    for (const [step, run] of steps) {
      await run();
      await h.settle();
      await expectCountersEqualRecount();
      // the reads: without a post (per-channel counters), on one channel, and on the post (per-post counters)
      expect([step, (await byStatus('')).needs_reply]).toEqual([step, await recount('1 = 1')]);
      expect([step, (await byStatus('', agentA.token)).needs_reply]).toEqual([step, await recount('(assignee_id IS NULL OR assignee_id = ?)', [agentA.id])]);
      expect([step, (await byStatus(`channelId=${c.channelId}&assignee=${agentA.id}`)).needs_reply]).toEqual([
        step,
        await recount('channel_id = ? AND assignee_id = ?', [c.channelId, agentA.id]),
      ]);
      expect([step, (await byStatus(`postId=${encodeURIComponent(c.postExternalId as string)}`)).needs_reply]).toEqual([
        step,
        await recount('object_external_id = ?', [c.postExternalId]),
      ]);
    }
    expect((await stored(c.externalId, c.postExternalId as string)).status).toBe('deleted');
  });

  it('keeps the per-status counters equal to a recount after everything above', async () => {
    await expectCountersEqualRecount();
    const recount = async (where = '1 = 1', params: unknown[] = []) => {
      const rows: { status: string; n: number | string }[] = await h.t.dataSource.query(
        `SELECT status, COUNT(*) AS n FROM comments WHERE status <> 'own' AND ${where} GROUP BY status`,
        params,
      );
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    };
    const counts = (await api<CommentListResponse>('get', '/api/comments', h.admin, undefined, 200)).body.counts;
    const live = await recount();
    for (const status of ['needs_reply', 'replied', 'done', 'hidden', 'deleted'] as const) expect(counts[status]).toBe(live[status] ?? 0);
    const ad = (await api<CommentListResponse>('get', '/api/comments?source=ad&kind=comment', h.admin, undefined, 200)).body.counts;
    const liveAd = await recount("is_ad = 1 AND kind = 'comment' AND is_reply = 0");
    expect(ad.needs_reply).toBe(liveAd['needs_reply'] ?? 0);
    const agent = (await api<CommentListResponse>('get', '/api/comments', agentA.token, undefined, 200)).body.counts;
    const liveAgent = await recount('(assignee_id IS NULL OR assignee_id = ?)', [agentA.id]);
    expect(agent.all).toBe(Object.values(liveAgent).reduce((a, b) => a + b, 0));
  });
});
