import { ConversationDto, ConversationListResponse, Role } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { MigrationInterface } from 'typeorm';
import { CreateSearchIndex1763920000000 } from '../../src/database/migrations/1763920000000-CreateSearchIndex';
import { CreateConversationTerms1764830000000 } from '../../src/database/migrations/1764830000000-CreateConversationTerms';
import { searchSql } from '../../src/common/search/search-sql';
import { documentMatches, queryTerms, searchDocument } from '../../src/common/search/search-text';
import { dialectOf } from '../../src/database/column-types';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { InboxReadRepository } from '../../src/modules/inbox/repositories/inbox-read.repository';
import { InboxSearchRepository } from '../../src/modules/inbox/repositories/inbox-search.repository';
import { INBOX_SEARCH_LIMITS } from '../../src/modules/inbox/search/conversation-search';
import { IngestionHarness, startIngestionHarness } from '../utils/webhooks-harness';

const IG = SIM_SEED.instagramCustomers;
const FB = SIM_SEED.messengerCustomers;

/**
 * Full-text search of the inbox through the real write path (the simulator's webhooks, the worker) and
 * the list endpoint: exact word, prefix, accents, emoji, CJK, edits/unsends/deletes, highlights and the
 * agent's scope. Runs on SQLite (FTS5) and on MySQL/MariaDB (FULLTEXT) with TEST_DATABASE_URL.
 */
describe('inbox search (integration)', () => {
  let h: IngestionHarness;

  /** Undoes and redoes a migration on the running app's database (existing rows must come back). */
  const rerun = async (migration: MigrationInterface) => {
    const runner = h.t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  };
  let agent: { token: string; id: string };
  let otherAgent: { token: string; id: string };
  const conv: Record<string, string> = {};

  const search = async (q: string, token = h.admin): Promise<ConversationDto[]> => {
    const res = await h.t.http.get(`/api/conversations?limit=100&search=${encodeURIComponent(q)}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return (res.body as ConversationListResponse).items;
  };
  const found = async (q: string, token?: string) => (await search(q, token)).map((c) => c.contact.externalId).sort();
  const highlighted = (c: ConversationDto | undefined) => {
    const match = c?.searchMatch;
    return match ? match.highlights.map(([s, e]) => match.snippet.slice(s, e)) : [];
  };

  beforeAll(async () => {
    h = await startIngestionHarness();
    const a = await h.t.createUser(Role.AGENT);
    const b = await h.t.createUser(Role.AGENT);
    agent = { token: a.accessToken, id: a.user.id };
    otherAgent = { token: b.accessToken, id: b.user.id };
    h.sim.customerSends(IG[0].igsid, { text: 'Is the blue jacket still in stock?' });
    h.sim.customerSends(IG[1].igsid, { text: 'Le café était fermé, dommage' });
    h.sim.customerSends(IG[2].igsid, { text: '東京タワーの近くに店はありますか' });
    h.sim.customerSends(IG[3].igsid, { text: 'Thanks a lot 🎉👍🏽' });
    h.sim.customerSends(FB[0].psid, { text: 'Bluetooth headphones: do they ship abroad?' });
    h.sim.customerSends(FB[1].psid, { text: 'My order SKU-4411 never arrived' });
    await h.settle();
    const list = (await h.t.http.get('/api/conversations?limit=100').set('Authorization', `Bearer ${h.admin}`)).body as ConversationListResponse;
    for (const c of list.items) conv[c.contact.externalId] = c.id;
  });
  afterAll(() => h?.close());

  it('finds an exact word, and a prefix only at the start of a word', async () => {
    expect(await found('blue')).toEqual([FB[0].psid, IG[0].igsid].sort()); // "blue" and "Bluetooth"
    expect(await found('jacket')).toEqual([IG[0].igsid]);
    expect(await found('jack')).toEqual([IG[0].igsid]);
    expect(await found('acket')).toEqual([]);
    expect(await found('blue jacket')).toEqual([IG[0].igsid]);
    expect(await found('blue abroad')).toEqual([FB[0].psid]);
    expect(await found('blue nothing')).toEqual([]);
    expect(await found('sku-4411')).toEqual([FB[1].psid]);
    expect(await found('4411')).toEqual([FB[1].psid]);
    expect(await found('!!!')).toEqual([]);
  });

  it('folds case and accents both ways', async () => {
    expect(await found('CAFE etait FERME')).toEqual([IG[1].igsid]);
    expect(await found('Café')).toEqual([IG[1].igsid]);
    // contact names: Kai Müller
    expect(await found('muller')).toEqual([IG[2].igsid]);
    expect(await found('MÜLL')).toEqual([IG[2].igsid]);
  });

  it('finds emoji and CJK text', async () => {
    expect(await found('🎉')).toEqual([IG[3].igsid]);
    expect(await found('👍')).toEqual([IG[3].igsid]); // the skin tone is folded away
    expect(await found('😀')).toEqual([]);
    expect(await found('東京タワー')).toEqual([IG[2].igsid]);
    expect(await found('タワー')).toEqual([IG[2].igsid]);
    expect(await found('店')).toEqual([IG[2].igsid]);
    expect(await found('大阪')).toEqual([]);
  });

  it('finds contact names and usernames, and says what matched with highlights', async () => {
    expect(await found('jane')).toEqual([FB[0].psid, IG[0].igsid].sort()); // Jane Example on both platforms
    const [byUsername] = await search('sofia.designs');
    expect(byUsername?.contact.externalId).toBe(IG[3].igsid);
    expect(byUsername?.searchMatch?.field).toBe('username');
    const [byName] = await search('kai');
    expect(byName?.searchMatch).toMatchObject({ field: 'name', messageId: null });
    expect(highlighted(byName)).toEqual(['Kai']);
    const [byText] = await search('jacket');
    expect(byText?.searchMatch).toMatchObject({ field: 'message', snippet: 'Is the blue jacket still in stock?' });
    expect(byText?.searchMatch?.messageId).toEqual(expect.any(String));
    expect(highlighted(byText)).toEqual(['jacket']);
    expect(highlighted((await search('cafe'))[0])).toEqual(['café']);
    expect(highlighted((await search('タワー'))[0])).toEqual(['タワー']);
  });

  it('matches a conversation only when one of its documents holds every term', async () => {
    h.sim.customerSends(IG[1].igsid, { text: 'a purple kettle, please' });
    await h.settle();
    // the conversation's terms hold both words (the walk's first test) …
    const [row] = await h.t.dataSource.query('SELECT terms FROM conversation_terms WHERE conversation_id = ?', [conv[IG[1].igsid]]);
    const words = (row as { terms: string }).terms.split(' ');
    for (const t of queryTerms('café kettle')) expect(words).toContain(t);
    // … but no one message does, and the messages decide
    expect(await found('cafe kettle')).toEqual([]);
    expect(await found('purple kettle')).toEqual([IG[1].igsid]);
    expect(await found('kettle')).toEqual([IG[1].igsid]);
    expect(await found('cafe')).toEqual([IG[1].igsid]);
    // what matched is the newest matching message, whichever path found the conversation
    h.sim.customerSends(IG[1].igsid, { text: 'one more kettle question' });
    await h.settle();
    const [hit] = await search('kettle');
    expect(hit?.searchMatch?.snippet).toBe('one more kettle question');
    expect(highlighted(hit)).toEqual(['kettle']);
  });

  it('tests a term where the row is read exactly as documentMatches does in memory (a word prefix, never mid-word)', async () => {
    const dialect = dialectOf(h.t.dataSource.options.type);
    const doc = searchDocument('Bluetooth headphones ab 東京 🎉');
    const cases: [string | null, string][] = [
      [doc, 'bluetooth'], // the first word (no space before it)
      [doc, 'blue'],
      [doc, 'tooth'], // inside a word
      [doc, 'headphones'],
      [doc, 'headphonesx'],
      [doc, 'b'], // hex of "b" is inside the term of "ab", not at its start
      [doc, '京'],
      [doc, '🎉'],
      [doc, '大阪'],
      ['', 'blue'],
      [null, 'blue'], // a left-joined row that is not there
    ];
    for (const [document, word] of cases) {
      const [term] = queryTerms(word);
      const [sql, params] = h.t.dataSource.driver.escapeQueryWithParameters(`SELECT ${searchSql.holds(dialect, ':doc', 'term')} AS hit`, {
        doc: document,
        term,
      });
      const [row] = (await h.t.dataSource.query(sql, params)) as { hit: unknown }[];
      expect([word, Number(row.hit) === 1]).toEqual([word, document !== null && documentMatches(document, [term])]);
    }
    // a conversation whose contact has no document is still found by its messages, and one without terms by its contact
    const [contact] = (await h.t.dataSource.query(
      'SELECT ks.contact_id, ks.body FROM contact_search ks JOIN conversations c ON c.contact_id = ks.contact_id WHERE c.id = ?',
      [conv[IG[2].igsid]],
    )) as { contact_id: string; body: string }[];
    const [terms] = (await h.t.dataSource.query('SELECT terms FROM conversation_terms WHERE conversation_id = ?', [conv[IG[2].igsid]])) as { terms: string }[];
    await h.t.dataSource.query('DELETE FROM contact_search WHERE contact_id = ?', [contact.contact_id]);
    try {
      expect(await found('東京タワー')).toEqual([IG[2].igsid]);
      expect(await found('kai')).toEqual([]);
    } finally {
      await h.t.dataSource.query('INSERT INTO contact_search (contact_id, body) VALUES (?, ?)', [contact.contact_id, contact.body]);
    }
    await h.t.dataSource.query('DELETE FROM conversation_terms WHERE conversation_id = ?', [conv[IG[2].igsid]]);
    try {
      expect(await found('kai')).toEqual([IG[2].igsid]);
    } finally {
      await h.t.dataSource.query('INSERT INTO conversation_terms (conversation_id, terms) VALUES (?, ?)', [conv[IG[2].igsid], terms.terms]);
    }
    expect(await found('kai 東京')).toEqual([]); // every term in one document
  });

  it('gives the same answers on every path: the list walk, the index by the rarest term, the longer walk, the subquery', async () => {
    const queries = ['blue', 'jacket', 'blue jacket', 'blue abroad', 'jane', 'jane blue', 'cafe', 'muller', '🎉', '東京タワー', 'sku-4411', 'nothing'];
    const answers = async () => Object.fromEntries(await Promise.all(queries.map(async (q) => [q, await found(q)] as const)));
    // what each result says matched (the contact, or which message): the same on every path as well
    const matchedWhere = async () =>
      Object.fromEntries(
        await Promise.all(
          queries.map(
            async (q) => [q, (await search(q)).map((c) => `${c.contact.externalId} ${c.searchMatch?.messageId ?? c.searchMatch?.field}`).sort()] as const,
          ),
        ),
      );
    const repo = h.t.app.get(InboxSearchRepository);
    const index = jest.spyOn(repo, 'indexMatches');
    const subquery = jest.spyOn(repo, 'subqueryCondition');
    const defaults = { ...INBOX_SEARCH_LIMITS };
    try {
      // a few conversations fit in one chunk: the walk answers everything
      const walked = await answers();
      const walkedMatches = await matchedWhere();
      expect(index).not.toHaveBeenCalled();
      expect(walked['blue jacket']).toEqual([IG[0].igsid]);
      expect(walked['jane blue']).toEqual([]); // every term in one document: Jane's name never says blue

      // one conversation per chunk and at most two: a word not in the newest conversation goes to the index by its rarest term
      Object.assign(INBOX_SEARCH_LIMITS, { scanChunk: 1, maxChunk: 1, scanMax: 2 });
      expect(await answers()).toEqual(walked);
      expect(index).toHaveBeenCalled();
      // the documents the index returned name the newest matching message: no thread is read again for it
      const reread = jest.spyOn(repo, 'newestMatches');
      expect(await matchedWhere()).toEqual(walkedMatches);
      for (const [ids, , known] of reread.mock.calls) expect(ids.filter((id) => !known?.has(id))).toEqual([]);
      reread.mockRestore();
      // the index is asked for one term of the query (the rarest in what the walk read), the others are tested in memory
      index.mockClear();
      await found('blue jacket');
      expect(index.mock.calls.length).toBe(1);
      expect(queryTerms('blue jacket')).toContain(index.mock.calls[0][1]);
      expect(subquery).not.toHaveBeenCalled();

      // no term rare enough for the index either: the walk goes on (here to the end of the list) …
      Object.assign(INBOX_SEARCH_LIMITS, { candidateCap: 0, scanMax: 100 });
      index.mockClear();
      expect(await answers()).toEqual(walked);
      expect(index).toHaveBeenCalled();
      expect(subquery).not.toHaveBeenCalled();
      // … and past scanMax conversations the search is a subquery of the list
      Object.assign(INBOX_SEARCH_LIMITS, { scanMax: 2 });
      expect(await answers()).toEqual(walked);
      expect(subquery).toHaveBeenCalled();

      // a probe term the walk already found in commonProbe of every scanChunk conversations is not asked of the index
      h.sim.customerSends(FB[0].psid, { text: 'blue again' });
      h.sim.customerSends(IG[0].igsid, { text: 'blue again' });
      await h.settle();
      Object.assign(INBOX_SEARCH_LIMITS, { ...defaults, scanChunk: 2, minEvidence: 10, commonProbe: 2 });
      index.mockClear();
      expect(await found('blue')).toEqual(walked['blue']); // the first chunk: the two newest conversations, both holding it
      expect(index).not.toHaveBeenCalled();
      Object.assign(INBOX_SEARCH_LIMITS, { commonProbe: 3 });
      expect(await found('blue')).toEqual(walked['blue']);
      expect(index).toHaveBeenCalled();
    } finally {
      Object.assign(INBOX_SEARCH_LIMITS, defaults);
      index.mockRestore();
      subquery.mockRestore();
    }
  });

  it("stops reading the contacts' documents once a term is in none of them, with the same answers", async () => {
    const queries = ['blue', 'jacket', 'blue jacket', 'jane', 'jane blue', 'kai', 'muller', 'cafe', '東京タワー', 'sku-4411', 'nothing'];
    const answers = async () => Object.fromEntries(await Promise.all(queries.map(async (q) => [q, await found(q)] as const)));
    const walked = await answers();
    const listKeys = jest.spyOn(h.t.app.get(InboxReadRepository), 'listKeys');
    const probe = jest.spyOn(h.t.app.get(InboxSearchRepository), 'anyContactHolds');
    const defaults = { ...INBOX_SEARCH_LIMITS };
    try {
      // one conversation a step, no index: the walk goes through every conversation
      Object.assign(INBOX_SEARCH_LIMITS, { scanChunk: 1, multiTermChunk: 1, maxChunk: 1, candidateCap: 0, scanMax: 100 });
      expect(await answers()).toEqual(walked);
      // no contact's document says jacket: asked once after the first step, the later steps read no contact document
      listKeys.mockClear();
      probe.mockClear();
      expect(await found('jacket')).toEqual([IG[0].igsid]);
      expect(probe.mock.calls).toEqual([queryTerms('jacket')]);
      expect(listKeys.mock.calls.length).toBeGreaterThan(2);
      expect(listKeys.mock.calls.slice(1).map((call) => call[5])).toEqual(listKeys.mock.calls.slice(1).map(() => false));
      // Kai's name does: whether or not the first step saw it, every step reads the contacts' documents
      listKeys.mockClear();
      expect(await found('kai')).toEqual([IG[2].igsid]);
      expect(listKeys.mock.calls.map((call) => call[5] ?? true)).toEqual(listKeys.mock.calls.map(() => true));
    } finally {
      Object.assign(INBOX_SEARCH_LIMITS, defaults);
      listKeys.mockRestore();
      probe.mockRestore();
    }
  });

  it('pages a walked search with the cursor, in list order, without repeats', async () => {
    const defaults = { ...INBOX_SEARCH_LIMITS };
    try {
      Object.assign(INBOX_SEARCH_LIMITS, { scanChunk: 2 });
      const seen: string[] = [];
      let cursor: string | null = '';
      for (let i = 0; i < 10 && cursor !== null; i += 1) {
        const res = await h.t.http
          .get(`/api/conversations?limit=1&search=blue${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set('Authorization', `Bearer ${h.admin}`);
        const body = res.body as ConversationListResponse;
        seen.push(...body.items.map((c) => c.contact.externalId));
        cursor = body.nextCursor;
      }
      expect(seen.sort()).toEqual([FB[0].psid, IG[0].igsid].sort());
    } finally {
      Object.assign(INBOX_SEARCH_LIMITS, defaults);
    }
  });

  it('follows edits, unsends and deletes', async () => {
    const customer = FB[2].psid;
    const { mid } = h.sim.customerSends(customer, { text: 'first draft about umbrellas' });
    const { mid: gone } = h.sim.customerSends(customer, { text: 'secret giraffe' });
    await h.settle();
    expect(await found('umbrellas')).toEqual([customer]);
    expect(await found('giraffe')).toEqual([customer]);

    await h.control(`/_sim/customers/${customer}/edit`, { mid, text: 'second version about raincoats' });
    await h.control(`/_sim/customers/${customer}/unsend`, { mid: gone });
    await h.settle();
    expect(await found('umbrellas')).toEqual([]);
    expect(await found('raincoats')).toEqual([customer]);
    expect(await found('giraffe')).toEqual([]);

    await h.t.dataSource.getRepository(MessageEntity).delete({ mid });
    expect(await found('raincoats')).toEqual([]);
    const orphans = await h.count('SELECT COUNT(*) AS n FROM message_search ms WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = ms.message_id)');
    expect(orphans).toBe(0);
  });

  it("respects the agent's scope", async () => {
    const assign = (id: string, assigneeId: string | null) =>
      h.t.http.post(`/api/conversations/${id}/assign`).set('Authorization', `Bearer ${h.admin}`).send({ assigneeId });
    expect((await assign(conv[IG[0].igsid], otherAgent.id)).status).toBe(200);
    expect((await assign(conv[FB[0].psid], agent.id)).status).toBe(200);
    // admin sees both; the agent sees their own and unassigned ones, never a teammate's
    expect(await found('blue')).toEqual([FB[0].psid, IG[0].igsid].sort());
    expect(await found('blue', agent.token)).toEqual([FB[0].psid]);
    expect(await found('jane', agent.token)).toEqual([FB[0].psid]);
    expect(await found('blue', otherAgent.token)).toEqual([IG[0].igsid]);
    expect(await found('cafe', agent.token)).toEqual([IG[1].igsid]); // unassigned
  });

  it('indexes the rows that existed before the migration', async () => {
    await rerun(new CreateSearchIndex1763920000000());
    expect(await found('blue')).toEqual([FB[0].psid, IG[0].igsid].sort());
    expect(await found('東京')).toEqual([IG[2].igsid]);
    expect(await found('muller')).toEqual([IG[2].igsid]);
    // and the write path keeps working on the rebuilt index
    h.sim.customerSends(FB[3].psid, { text: 'après la migration' });
    await h.settle();
    expect(await found('apres')).toEqual([FB[3].psid]);
  });

  it("fills the conversations' terms from the documents that existed before the migration", async () => {
    await rerun(new CreateConversationTerms1764830000000());
    const withDocuments = await h.count('SELECT COUNT(DISTINCT conversation_id) AS n FROM message_search');
    expect(withDocuments).toBeGreaterThan(0);
    expect(await h.count('SELECT COUNT(*) AS n FROM conversation_terms')).toBe(withDocuments);
    expect(await found('blue')).toEqual([FB[0].psid, IG[0].igsid].sort());
    expect(await found('東京')).toEqual([IG[2].igsid]);
    expect(await found('purple kettle')).toEqual([IG[1].igsid]);
    h.sim.customerSends(FB[3].psid, { text: 'one more umbrella stand' });
    await h.settle();
    expect(await found('umbrella stand')).toEqual([FB[3].psid]);
  });

  it('rejects an over-long search with a field error', async () => {
    const res = await h.t.http.get(`/api/conversations?search=${'x'.repeat(101)}`).set('Authorization', `Bearer ${h.admin}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('search');
  });
});
