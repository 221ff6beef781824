import { Role } from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { AnalyticsProjector } from '../../src/modules/analytics/analytics-projector.service';
import { AnalyticsProjectionStateEntity } from '../../src/modules/analytics/entities/analytics-projection-state.entity';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { rollupRows } from '../utils/analytics-rows';
import { CustomerStream, IngestionHarness, startIngestionHarness, STREAM_CUSTOMERS } from '../utils/webhooks-harness';

/**
 * The projector's incremental path against a rebuild, through the real inbox: customers write through the Meta
 * simulator's webhooks, agents reply through the api (sent by the simulator, echoed back), conversations are resolved,
 * reopened, assigned and labelled — rounds of it, each settled — and the rows the passes left must be exactly what a
 * full rebuild from the source tables writes. SQLite, or MySQL/MariaDB with TEST_DATABASE_URL.
 */
describe('analytics: the incremental projection equals a rebuild (integration)', () => {
  let h: IngestionHarness;
  let agent: { token: string; id: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    h = await startIngestionHarness();
    const a = await h.t.createUser(Role.AGENT);
    agent = { token: a.accessToken, id: a.user.id };
  });
  afterAll(() => h?.close());

  const conversationIds = async (): Promise<string[]> =>
    ((await h.t.dataSource.query('SELECT id FROM conversations ORDER BY id')) as { id: string }[]).map((r) => r.id);
  const settled = async () => {
    await h.settle();
    await h.t.app.get(AnalyticsProjector).idle();
  };

  it('customers write, agents answer, resolve, reopen, assign and label over several rounds', async () => {
    const projector = h.t.app.get(AnalyticsProjector);
    const stream = new CustomerStream(h.sim, 'round');
    const label = (
      await h.t.http
        .post('/api/labels')
        .set(bearer(h.admin))
        .send({ name: `vip-${randomUUID().slice(0, 6)}`, color: '#aa3355' })
    ).body as {
      id: string;
    };
    for (const customer of STREAM_CUSTOMERS) h.sim.customerSends(customer, { text: 'hello' });
    await settled();
    const ids = await conversationIds();
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const before = { ...projector.counts };

    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < STREAM_CUSTOMERS.length * 2; i++) stream.send();
      await settled();
      for (const [i, id] of ids.entries()) {
        if ((i + round) % 2 === 0) {
          const res = await h.t.http
            .post(`/api/conversations/${id}/messages`)
            .set(bearer(h.admin))
            .set('Idempotency-Key', randomUUID())
            .send({ text: `answer ${round}` });
          expect(res.status).toBe(201);
        }
        if ((i + round) % 3 === 0)
          expect(
            (
              await h.t.http
                .patch(`/api/conversations/${id}`)
                .set(bearer(h.admin))
                .send({ status: round % 2 ? 'open' : 'resolved' })
            ).status,
          ).toBe(200);
      }
      await settled();
      if (round === 1) {
        expect((await h.t.http.post(`/api/conversations/${ids[0]}/assign`).set(bearer(h.admin)).send({ assigneeId: agent.id })).status).toBe(200);
        expect(
          (
            await h.t.http
              .put(`/api/conversations/${ids[1]}/labels`)
              .set(bearer(h.admin))
              .send({ labelIds: [label.id] })
          ).status,
        ).toBe(200);
        await settled();
      }
    }

    // most changes were added to the rows as they were; the rest (assignments, replies that went out after the
    // customer wrote again) recomputed in full
    const advanced = projector.counts.advanced - before.advanced;
    const recomputed = projector.counts.recomputed - before.recomputed;
    expect(advanced).toBeGreaterThan(recomputed);
    expect(recomputed).toBeGreaterThan(0);

    const incremental = await rollupRows(h.t.dataSource);
    expect(incremental.cycles.length).toBeGreaterThan(ids.length); // resolved conversations the customer wrote to again
    expect(incremental.labels).toEqual([expect.objectContaining({ conversationId: ids[1], labelId: label.id })]);
    const states = await h.t.dataSource.getRepository(AnalyticsProjectionStateEntity).findBy({ complete: true });
    expect(states.map((s) => s.conversationId).sort()).toEqual(ids);

    const res = await h.t.http.post('/api/analytics/rebuild').set(bearer(h.admin));
    expect(res.status).toBe(200);
    expect(await rollupRows(h.t.dataSource)).toEqual(incremental);
  });

  it('a message whose announcement was lost (its process stopped first) is counted by the next catch-up', async () => {
    const projector = h.t.app.get(AnalyticsProjector);
    const [id] = await conversationIds();
    const conversation = await h.t.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id });
    const sentAt = new Date();
    // stored, never announced
    await h.t.dataSource.getRepository(MessageEntity).save(
      Object.assign(new MessageEntity(), {
        conversationId: id,
        channelId: conversation.channelId,
        platform: conversation.platform,
        mid: `lost-${randomUUID()}`,
        direction: 'inbound',
        status: 'received',
        source: 'customer',
        kind: 'message',
        text: 'lost',
        sentAt,
      }),
    );
    await h.t.dataSource.getRepository(ConversationEntity).update({ id }, { lastMessageAt: sentAt });
    const before = await rollupRows(h.t.dataSource);

    expect(await projector.catchUp(new Date(), new Date(sentAt.getTime() - 3_600_000))).toBe(1);
    await projector.idle();
    const after = await rollupRows(h.t.dataSource);
    const sumIn = (rows: typeof before) => rows.buckets.filter((b) => b.conversationId === id).reduce((n, b) => n + b.messagesIn, 0);
    expect(sumIn(after)).toBe(sumIn(before) + 1);
    // nothing more to catch up; a rebuild agrees
    expect(await projector.catchUp(new Date(), new Date(sentAt.getTime() - 3_600_000))).toBe(0);
    expect((await h.t.http.post('/api/analytics/rebuild').set(bearer(h.admin))).status).toBe(200);
    expect(await rollupRows(h.t.dataSource)).toEqual(after);
  });
});
