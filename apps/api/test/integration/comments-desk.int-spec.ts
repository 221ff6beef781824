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
  COMMENT_STATUSES,
  PersonCommentsResponse,
  Role,
} from '@ticklegram/domain-models';
import { queryTerms } from '../../src/common/search/search-text';
import { CommentActionWorker } from '../../src/modules/comments/moderation/comment-action.worker';
import { CommentBackfillService } from '../../src/modules/comments/backfill/comment-backfill.service';
import { CommentSearchRepository } from '../../src/modules/comments/repositories/comment-search.repository';
import { COMMENT_SEARCH_LIMITS } from '../../src/modules/comments/search/comment-search';
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

  describe('text search: the same answers on every path', () => {
    type Limits = Partial<typeof COMMENT_SEARCH_LIMITS>;
    type Searched = { seen: string[]; atLeast: boolean; counts: CommentListResponse['counts'] };
    const defaults = { ...COMMENT_SEARCH_LIMITS };
    /** Stops a walk after its first step, so the index answers (when the probe term has at most 10 documents). */
    const INDEX: Limits = { scanChunk: 2, maxChunk: 2, scanMax: 4, minEvidence: 100, candidateCap: 10 };
    const ids: string[] = [];
    let onReel = '';
    let exact: Searched;
    /** Every page of a search (the limits of page n: `limits(n)`), and the first page's counts. */
    const pages = async (search: string, limit: number, limits: (page: number) => Limits = () => ({}), token = h.admin, extra = ''): Promise<Searched> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first: CommentListResponse | undefined;
      try {
        do {
          Object.assign(COMMENT_SEARCH_LIMITS, defaults, limits(first ? seen.length / limit : 0));
          const query = `search=${encodeURIComponent(search)}&status=all&limit=${limit}${extra}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const body: CommentListResponse = (await api<CommentListResponse>('get', `/api/comments?${query}`, token, undefined, 200)).body;
          first ??= body;
          seen.push(...body.items.map((c) => c.externalId));
          cursor = body.nextCursor;
        } while (cursor);
      } finally {
        Object.assign(COMMENT_SEARCH_LIMITS, defaults);
      }
      return { seen, atLeast: first.countsAtLeast, counts: first.counts };
    };
    /** The newest comments of the unsearched stream (same-second comments are in id order, so the test cannot assume one). */
    const newest = async (n: number, extra = '', status = 'all') =>
      (await api<CommentListResponse>('get', `/api/comments?status=${status}&limit=${n}${extra}`, h.admin, undefined, 200)).body.items;
    const zebras = (items: CommentDto[]) => items.filter((c) => c.text?.includes('zebra')).length;
    /** The matches among the newest `n` comments of each status: a common word's counts. */
    const sampled = async (n: number, extra = '') => {
      let all = 0;
      for (const status of COMMENT_STATUSES) all += zebras(await newest(n, extra, status));
      return all;
    };
    const spies = () => {
      const repo = h.t.app.get(CommentSearchRepository);
      return { index: jest.spyOn(repo, 'indexMatches'), subquery: jest.spyOn(repo, 'subquery') };
    };
    afterEach(() => jest.restoreAllMocks());

    beforeAll(async () => {
      // an older match on the reel among its chatter, then a run on the ad where every other comment matches
      onReel = await comment(commenters.anna.igsid, media['reel'] as string, 'zebra quokka on the reel');
      for (let i = 0; i < 4; i += 1) await comment(commenters.marco.igsid, media['reel'] as string, `reel chatter ${i}`);
      // comment times are whole seconds: the run on the ad is newer than everything on the reel
      await new Promise((resolve) => setTimeout(resolve, 1100));
      for (let i = 0; i < 5; i += 1) {
        ids.push(await comment(commenters.anna.igsid, media['ad'] as string, `zebra giveaway ${i}`));
        await comment(commenters.marco.igsid, media['ad'] as string, `unrelated words ${i}`);
      }
      // the default limits: a few comments are one walk step, the counts exact (the sample is the whole stream)
      exact = await pages('zebra', 100);
    });

    it('answers a small desk from one walk, with exact counts', () => {
      expect({ ...exact, seen: [...exact.seen].sort() }).toMatchObject({ seen: [onReel, ...ids].sort(), atLeast: false, counts: { all: 6, needs_reply: 6 } });
    });

    it('serves a common word from the walk without asking the index', async () => {
      const stream = await newest(100);
      // a first step one row longer than all the comments without the word holds a match: the walk goes on until the page is full
      const walk: Limits = { scanChunk: stream.length - zebras(stream) + 1, maxChunk: 4, scanMax: 100, minEvidence: 1, candidateCap: 2 };
      expect(walk.scanChunk).toBeLessThan(stream.length - 2);
      const { index } = spies();
      const walked = await pages('zebra', 2, (n) => (n === 0 ? walk : INDEX));
      expect(index).toHaveBeenCalledTimes(walked.seen.length / 2 - 1); // every page but the first
      expect(walked).toEqual(exact);
    });

    it('counts a common word among the newest comments of each status, as lower bounds', async () => {
      const searched = await pages('zebra', 100, () => ({ countSample: 4, candidateCap: 2 }));
      expect(searched.seen).toEqual(exact.seen);
      expect(searched).toMatchObject({ atLeast: true, counts: { all: await sampled(4) } });
    });

    it('pages across the index and the walk with the same cursor', async () => {
      const { index } = spies();
      const walk: Limits = { scanChunk: 100, minEvidence: 1, candidateCap: 2 };
      expect((await pages('zebra', 2, (n) => (n % 2 ? walk : INDEX))).seen).toEqual(exact.seen);
      expect(index).toHaveBeenCalled();
      expect(await Promise.all(index.mock.results.map((r) => r.value))).not.toContain(null);
    });

    it('asks the index for a rare word, by its rarest term only, with exact counts', async () => {
      const { index } = spies();
      for (const q of ['quokka', 'zebra quokka', 'quokka zebra']) {
        index.mockClear();
        expect(await pages(q, 2, () => ({ scanChunk: 2, maxChunk: 2, scanMax: 4, minEvidence: 3, candidateCap: 2, countSample: 4 }))).toEqual({
          seen: [onReel],
          atLeast: false,
          counts: expect.objectContaining({ all: 1, needs_reply: 1 }),
        });
        expect(index).toHaveBeenCalled();
        for (const [, probe] of index.mock.calls) expect(probe).toBe(queryTerms('quokka')[0]);
      }
    });

    it('finds a word rare under a filter but common overall: a longer walk, then the index inside the stream query', async () => {
      const onPost = `&postId=${media['reel']}`;
      const longer = spies();
      const walked = await pages(
        'zebra',
        2,
        () => ({ scanChunk: 2, maxChunk: 2, scanMax: 100, minEvidence: 3, candidateCap: 2, countSample: 100 }),
        h.admin,
        onPost,
      );
      expect(walked).toMatchObject({ seen: [onReel], atLeast: false, counts: { all: 1 } });
      expect(await Promise.all(longer.index.mock.results.map((r) => r.value))).toContain(null);
      expect(longer.subquery).not.toHaveBeenCalled();
      jest.restoreAllMocks();

      const { subquery } = spies();
      const indexed = await pages(
        'zebra',
        2,
        () => ({ scanChunk: 2, maxChunk: 2, scanMax: 2, minEvidence: 3, candidateCap: 2, countSample: 2 }),
        h.admin,
        onPost,
      );
      expect(indexed.seen).toEqual([onReel]);
      expect(subquery).toHaveBeenCalled();
      // the index cannot count a word this common: lower bounds, the matches among the two newest comments of each status on the reel
      expect(indexed).toMatchObject({ atLeast: true, counts: { all: await sampled(2, onPost) } });
    });

    it("keeps to an agent's scope on every path", async () => {
      const hidden = await stored(ids[4] as string);
      await api('post', `/api/comments/${hidden.id}/assign`, h.admin, { assigneeId: agentB.id }, 200);
      try {
        const visible = exact.seen.filter((id) => id !== hidden.externalId);
        expect(await pages('zebra', 100, undefined, agentA.token)).toMatchObject({ seen: visible, atLeast: false, counts: { all: 5 } });
        expect((await pages('zebra', 100, undefined, agentB.token)).seen).toEqual(exact.seen);
        for (const limits of [
          { scanChunk: 100, minEvidence: 1, candidateCap: 2, countSample: 4 },
          INDEX,
          { scanChunk: 2, maxChunk: 2, scanMax: 2, minEvidence: 3, candidateCap: 2, countSample: 4 },
        ])
          expect((await pages('zebra', 2, () => limits, agentA.token)).seen).toEqual(visible);
      } finally {
        await api('post', `/api/comments/${hidden.id}/assign`, h.admin, { assigneeId: null }, 200);
      }
    });
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
