import { CONVERSATION_STATUSES, ConversationCountsResponse, ConversationListResponse, ConversationStatus, Role } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { TableColumn } from 'typeorm';
import { dialectOf } from '../../src/database/column-types';
import { ConversationCountsMaintainer } from '../../src/modules/inbox/counts/conversation-counts.maintainer';
import { countTriggersPresent } from '../../src/modules/inbox/counts/conversation-counts.sql';
import { ConversationCountsRepository } from '../../src/modules/inbox/repositories/conversation-counts.repository';
import { TEST_ADMIN } from '../utils/test-app';
import { IngestionHarness, startIngestionHarness } from '../utils/webhooks-harness';

const CUSTOMERS = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];

type Row = { status: ConversationStatus; platform: string; assignee_id: string | null; unread_count: number | string };

/** What the counts must be, recounted here from the rows (the rules of ConversationCountsResponse). */
function recount(rows: Row[], caller: { id: string; admin: boolean }): ConversationCountsResponse {
  const visible = rows.filter((r) => caller.admin || r.assignee_id === null || r.assignee_id === caller.id);
  const byStatus = Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, 0])) as ConversationCountsResponse['byStatus'];
  const byPlatform = { INSTAGRAM: 0, FACEBOOK: 0 } as ConversationCountsResponse['byPlatform'];
  for (const r of visible) {
    byStatus[r.status] += 1;
    byPlatform[r.platform as keyof typeof byPlatform] += 1;
  }
  const mine = visible.filter((r) => r.assignee_id === caller.id);
  return {
    all: visible.length,
    mine: mine.length,
    unassigned: visible.filter((r) => r.assignee_id === null).length,
    unread: visible.filter((r) => Number(r.unread_count) > 0).length,
    myUnreadMessages: mine.reduce((n, r) => n + Number(r.unread_count), 0),
    byStatus,
    byPlatform,
  };
}

/**
 * Folder counts stay equal to a recount of the rows while agents and admins assign, change status and
 * read conversations concurrently and customers keep writing (webhooks through the worker). SQLite and
 * MySQL/MariaDB (TEST_DATABASE_URL).
 */
describe('inbox counts under concurrent updates (integration)', () => {
  let h: IngestionHarness;
  let agents: { token: string; id: string }[];
  let adminId: string;

  const counts = async (token: string): Promise<ConversationCountsResponse> => {
    const res = await h.t.http.get('/api/conversations/counts').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as ConversationCountsResponse;
  };
  const rows = (): Promise<Row[]> =>
    h.t.dataSource.query('SELECT status, platform, assignee_id, unread_count FROM conversations WHERE last_message_at IS NOT NULL');

  beforeAll(async () => {
    h = await startIngestionHarness();
    adminId = (await h.t.login(TEST_ADMIN.email, TEST_ADMIN.password)).user.id;
    agents = await Promise.all(
      [0, 1, 2].map(async () => {
        const s = await h.t.createUser(Role.AGENT);
        return { token: s.accessToken, id: s.user.id };
      }),
    );
    for (const customer of CUSTOMERS) h.sim.customerSends(customer, { text: `hello from ${customer}` });
    await h.settle();
  });
  afterAll(() => h?.close());

  it('equal a recount after a storm of assignments, status changes, reads and new messages', async () => {
    const list = (await h.t.http.get('/api/conversations?limit=100').set('Authorization', `Bearer ${h.admin}`)).body as ConversationListResponse;
    const ids = list.items.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(CUSTOMERS.length);

    // mulberry32: a fixed, well-mixed sequence (the storm is the same on every run)
    let seed = 7;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
    };
    const snoozedUntil = new Date(Date.now() + 3_600_000).toISOString();
    const op = (i: number) => {
      const id = ids[random(ids.length)];
      const actor = random(2) ? h.admin : agents[random(agents.length)].token;
      const post = (path: string, body: object) => h.t.http.post(path).set('Authorization', `Bearer ${actor}`).send(body);
      switch (i % 5) {
        case 0:
          return post(`/api/conversations/${id}/assign`, { assigneeId: random(3) ? agents[random(agents.length)].id : null });
        case 1: {
          const status = CONVERSATION_STATUSES[random(CONVERSATION_STATUSES.length)];
          return h.t.http
            .patch(`/api/conversations/${id}`)
            .set('Authorization', `Bearer ${actor}`)
            .send(status === 'snoozed' ? { status, snoozedUntil } : { status });
        }
        case 2:
          return post(`/api/conversations/${id}/read`, {});
        case 3:
          h.sim.customerSends(CUSTOMERS[random(CUSTOMERS.length)], { text: `storm ${i}` });
          return counts(actor);
        default:
          return counts(actor);
      }
    };
    const statuses: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      const results = await Promise.all(Array.from({ length: 25 }, (_, k) => op(round * 25 + k)));
      for (const r of results) if ('status' in r) statuses.push(r.status);
      // counts taken mid-storm are internally consistent
      const during = await counts(h.admin);
      expect(Object.values(during.byStatus).reduce((a, b) => a + b, 0)).toBe(during.all);
      expect(Object.values(during.byPlatform).reduce((a, b) => a + b, 0)).toBe(during.all);
    }
    // agents may be refused a teammate's conversation (404/403), never a server error
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(50);
    expect(statuses.filter((s) => s === 201 || (s >= 300 && s < 400) || s === 401)).toEqual([]);
    await h.settle();

    const finalRows = await rows();
    expect(await counts(h.admin)).toEqual(recount(finalRows, { id: adminId, admin: true }));
    for (const a of agents) expect(await counts(a.token)).toEqual(recount(finalRows, { id: a.id, admin: false }));
    // the storm really moved things around
    const final = recount(finalRows, { id: adminId, admin: true });
    expect(final.unassigned).toBeLessThan(final.all);
    expect(Object.values(final.byStatus).filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('reads the counters plus unfolded deltas, folds them away, and repairs triggers a table rebuild dropped', async () => {
    const maintainer = h.t.app.get(ConversationCountsMaintainer);
    const repo = h.t.app.get(ConversationCountsRepository);
    const admin = { id: adminId, role: Role.ADMIN };
    const agent = { id: agents[0].id, role: Role.AGENT };
    const expectRecount = async () => {
      const now = await rows();
      expect(await repo.fromCounters(admin)).toEqual(recount(now, { id: adminId, admin: true }));
      expect(await repo.fromCounters(agent)).toEqual(recount(now, { id: agent.id, admin: false }));
      expect(await repo.byScan(admin)).toEqual(recount(now, { id: adminId, admin: true }));
    };
    expect(maintainer.maintained).toBe(true);

    // new messages append deltas (unread counts move); the counts include them before and after the fold
    for (const customer of CUSTOMERS.slice(0, 3)) h.sim.customerSends(customer, { text: 'one more thing' });
    await h.settle();
    await expectRecount();
    for (let i = 0; i < 5 && (await h.count('SELECT COUNT(*) AS n FROM conversation_count_deltas')) > 0; i += 1) await maintainer.fold();
    expect(await h.count('SELECT COUNT(*) AS n FROM conversation_count_deltas')).toBe(0);
    await expectRecount();

    // a column change rebuilds the table on SQLite (TypeORM copies it into a new one): its triggers are gone
    const dialect = dialectOf(h.t.dataSource.options.type);
    const runner = h.t.dataSource.createQueryRunner();
    try {
      await runner.addColumn('conversations', new TableColumn({ name: 'tmp_probe', type: 'integer', isNullable: true }));
      await runner.dropColumn('conversations', 'tmp_probe');
      expect(await countTriggersPresent(runner, dialect)).toBe(dialect === 'sqlite' ? 0 : 3);
      await runner.query('DROP TRIGGER IF EXISTS conversation_counts_au');
      // a change the counters do not see while the trigger is missing
      const [one] = await runner.query('SELECT id FROM conversations WHERE last_message_at IS NOT NULL LIMIT 1');
      await runner.query("UPDATE conversations SET status = CASE WHEN status = 'resolved' THEN 'open' ELSE 'resolved' END WHERE id = ?", [one.id]);
      expect(await repo.fromCounters(admin)).not.toEqual(recount(await rows(), { id: adminId, admin: true }));
      // the boot check: create what is missing, recount
      expect(await maintainer.repair()).toBe(true);
      expect(await countTriggersPresent(runner, dialect)).toBe(3);
      await expectRecount();
      // a MySQL user without the TRIGGER grant: repair() says false and the counts come from the scan
      const scan = jest.spyOn(repo, 'byScan');
      maintainer.maintained = false;
      try {
        expect(await repo.countVisible(agent)).toEqual(recount(await rows(), { id: agent.id, admin: false }));
        expect(scan).toHaveBeenCalledTimes(1);
      } finally {
        maintainer.maintained = true;
        scan.mockRestore();
      }
    } finally {
      await runner.release();
    }
  });
});
