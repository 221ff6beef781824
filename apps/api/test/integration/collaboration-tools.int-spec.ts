import {
  CannedResponseDto,
  ConversationDto,
  ConversationEventPayload,
  ConversationListResponse,
  LabelDto,
  NoteDto,
  NoteMentionedEvent,
  Role,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

/**
 * Canned responses, private notes with @mentions, labels: CRUD, RBAC, access scope, validation, realtime.
 * SQLite, or MySQL/MariaDB with TEST_DATABASE_URL.
 */
describe('collaboration tools (integration)', () => {
  let h: IngestionHarness;
  let agentA: { token: string; id: string; name: string; email: string };
  let agentB: { token: string; id: string; name: string; email: string };
  /** Unassigned: everyone sees it. */
  let shared: string;
  /** Assigned to agent B: agent A must not see it. */
  let privateToB: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => bearer(h.admin);
  const graphSends = () => h.sim.context.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));

  const conversationWith = async (customerId: string): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    if (!rows[0]) throw new Error(`no conversation for ${customerId}`);
    return rows[0].id;
  };

  beforeAll(async () => {
    h = await startIngestionHarness();
    const a = await h.t.createUser(Role.AGENT, { name: `Alice ${randomUUID().slice(0, 4)}` });
    const b = await h.t.createUser(Role.AGENT, { name: `Bob ${randomUUID().slice(0, 4)}` });
    agentA = { token: a.accessToken, id: a.user.id, name: a.user.name, email: a.user.email };
    agentB = { token: b.accessToken, id: b.user.id, name: b.user.name, email: b.user.email };
    shared = await conversationWith(SIM_SEED.instagramCustomers[0].igsid);
    privateToB = await conversationWith(SIM_SEED.messengerCustomers[0].psid);
    const assign = await h.t.http.post(`/api/conversations/${privateToB}/assign`).set(admin()).send({ assigneeId: agentB.id });
    expect(assign.status).toBe(200);
  });
  afterAll(() => h?.close());

  describe('canned responses', () => {
    it('admins create, update and delete (audited); everyone lists', async () => {
      const created = await h.t.http
        .post('/api/canned-responses')
        .set(admin())
        .send({ shortcut: 'Thanks', title: 'Thank you', body: 'Thanks for reaching out!' });
      expect(created.status).toBe(201);
      const dto = created.body as CannedResponseDto;
      expect(dto).toMatchObject({ shortcut: 'thanks', title: 'Thank you', body: 'Thanks for reaching out!' });

      const listed = await h.t.http.get('/api/canned-responses').set(bearer(agentA.token));
      expect(listed.status).toBe(200);
      expect((listed.body as CannedResponseDto[]).map((c) => c.shortcut)).toContain('thanks');

      const updated = await h.t.http.patch(`/api/canned-responses/${dto.id}`).set(admin()).send({ body: 'Thank you!' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id: dto.id, shortcut: 'thanks', body: 'Thank you!' });

      const duplicate = await h.t.http.post('/api/canned-responses').set(admin()).send({ shortcut: 'thanks', title: 'Again', body: 'x' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('CANNED_RESPONSE_SHORTCUT_TAKEN');

      expect((await h.t.http.delete(`/api/canned-responses/${dto.id}`).set(admin())).status).toBe(204);
      expect((await h.t.http.delete(`/api/canned-responses/${dto.id}`).set(admin())).status).toBe(404);
      const actions = (await h.t.dataSource.query('SELECT action FROM audit_log WHERE target_id = ? ORDER BY id', [dto.id])) as { action: string }[];
      expect(actions.map((r) => r.action)).toEqual(['canned_response.created', 'canned_response.updated', 'canned_response.deleted']);
    });

    it('agents cannot manage them (403)', async () => {
      const created = await h.t.http.post('/api/canned-responses').set(admin()).send({ shortcut: 'hours', title: 'Hours', body: 'We are open 9–5.' });
      const id = (created.body as CannedResponseDto).id;
      expect((await h.t.http.post('/api/canned-responses').set(bearer(agentA.token)).send({ shortcut: 'x', title: 'x', body: 'x' })).status).toBe(403);
      expect((await h.t.http.patch(`/api/canned-responses/${id}`).set(bearer(agentA.token)).send({ body: 'y' })).status).toBe(403);
      expect((await h.t.http.delete(`/api/canned-responses/${id}`).set(bearer(agentA.token))).status).toBe(403);
    });

    it('rejects invalid fields with 400 and field errors', async () => {
      const res = await h.t.http.post('/api/canned-responses').set(admin()).send({ shortcut: 'has space', title: '', body: 'ok', extra: 1 });
      expect(res.status).toBe(400);
      const fields = (res.body.errors as { field: string }[]).map((f) => f.field).sort();
      expect(fields).toEqual(['extra', 'shortcut', 'title']);
    });
  });

  describe('private notes', () => {
    it('mentions by @name and @email reach the mentioned users room; never sent to Meta', async () => {
      const { io } = await import('socket.io-client');
      const socket = io(h.t.url, { transports: ['websocket'], auth: { token: agentB.token }, reconnection: false, forceNew: true });
      const received: NoteMentionedEvent[] = [];
      socket.on('note.mentioned', (payload: NoteMentionedEvent) => received.push(payload));
      try {
        await new Promise((resolve, reject) => {
          socket.once('session.ready', resolve);
          socket.once('connect_error', reject);
        });
        const sendsBefore = graphSends().length;
        const res = await h.t.http
          .post(`/api/conversations/${shared}/notes`)
          .set(bearer(agentA.token))
          .send({ body: `@${agentB.name} can you check the order? cc @${agentA.email}` });
        expect(res.status).toBe(201);
        const note = res.body as NoteDto;
        // the author is not notified about themselves
        expect(note).toMatchObject({ conversationId: shared, authorId: agentA.id, authorName: agentA.name, mentionUserIds: [agentB.id] });
        const event = await waitFor(async () => received.find((e) => e.note.id === note.id), 5000, 'note.mentioned');
        expect(event).toEqual({ conversationId: shared, note });

        const byEmail = await h.t.http
          .post(`/api/conversations/${shared}/notes`)
          .set(admin())
          .send({ body: `ping @${agentB.email}.` });
        expect(byEmail.body.mentionUserIds).toEqual([agentB.id]);
        await waitFor(async () => received.find((e) => e.note.id === byEmail.body.id), 5000, 'note.mentioned by email');

        const listed = await h.t.http.get(`/api/conversations/${shared}/notes`).set(bearer(agentB.token));
        expect(listed.status).toBe(200);
        expect((listed.body as NoteDto[]).map((n) => n.id)).toEqual([note.id, byEmail.body.id]);

        // give any stray send time to happen, then check nothing went to the Graph API
        await h.settle();
        expect(graphSends()).toHaveLength(sendsBefore);
        expect(h.sim.context.requests.some((r) => JSON.stringify(r).includes('can you check the order'))).toBe(false);
        const messages = await h.count('SELECT COUNT(*) AS n FROM messages WHERE text LIKE ?', ['%can you check the order%']);
        expect(messages).toBe(0);
      } finally {
        socket.disconnect();
      }
    });

    it('explicit mentionUserIds are honoured; mentioning someone who cannot see the conversation does not leak it', async () => {
      const explicit = await h.t.http
        .post(`/api/conversations/${shared}/notes`)
        .set(admin())
        .send({ body: 'see above', mentionUserIds: [agentA.id] });
      expect(explicit.status).toBe(201);
      expect(explicit.body.mentionUserIds).toEqual([agentA.id]);
      const hidden = await h.t.http
        .post(`/api/conversations/${privateToB}/notes`)
        .set(admin())
        .send({ body: `@${agentA.name} fyi` });
      expect(hidden.status).toBe(201);
      expect(hidden.body.mentionUserIds).toEqual([]);
    });

    it('out-of-scope conversations are 404 for agents; bad bodies are 400', async () => {
      expect((await h.t.http.get(`/api/conversations/${privateToB}/notes`).set(bearer(agentA.token))).status).toBe(404);
      expect((await h.t.http.post(`/api/conversations/${privateToB}/notes`).set(bearer(agentA.token)).send({ body: 'x' })).status).toBe(404);
      expect((await h.t.http.get(`/api/conversations/${privateToB}/notes`).set(bearer(agentB.token))).status).toBe(200);
      const bad = await h.t.http
        .post(`/api/conversations/${shared}/notes`)
        .set(bearer(agentA.token))
        .send({ body: '', mentionUserIds: ['nope'] });
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[]).map((f) => f.field).sort()).toEqual(['body', 'mentionUserIds']);
    });
  });

  describe('labels', () => {
    const createLabel = async (name: string, color = '#22c55e'): Promise<LabelDto> => {
      const res = await h.t.http.post('/api/labels').set(admin()).send({ name, color });
      expect(res.status).toBe(201);
      return res.body as LabelDto;
    };

    it('admins manage labels (audited); agents list but cannot manage (403); validation 400', async () => {
      const vip = await createLabel('VIP', '#AABBCC');
      expect(vip).toMatchObject({ name: 'VIP', color: '#aabbcc' });
      expect((await h.t.http.get('/api/labels').set(bearer(agentA.token))).body).toEqual(expect.arrayContaining([vip]));
      const renamed = await h.t.http.patch(`/api/labels/${vip.id}`).set(admin()).send({ name: 'VIP customer' });
      expect(renamed.body).toEqual({ ...vip, name: 'VIP customer' });
      expect((await h.t.http.post('/api/labels').set(admin()).send({ name: 'VIP customer', color: '#000000' })).status).toBe(409);

      expect((await h.t.http.post('/api/labels').set(bearer(agentA.token)).send({ name: 'x', color: '#000000' })).status).toBe(403);
      expect((await h.t.http.patch(`/api/labels/${vip.id}`).set(bearer(agentA.token)).send({ name: 'y' })).status).toBe(403);
      expect((await h.t.http.delete(`/api/labels/${vip.id}`).set(bearer(agentA.token))).status).toBe(403);

      const bad = await h.t.http.post('/api/labels').set(admin()).send({ name: '', color: 'green' });
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[]).map((f) => f.field).sort()).toEqual(['color', 'name']);

      expect((await h.t.http.delete(`/api/labels/${vip.id}`).set(admin())).status).toBe(204);
      const actions = (await h.t.dataSource.query('SELECT action FROM audit_log WHERE target_id = ? ORDER BY id', [vip.id])) as { action: string }[];
      expect(actions.map((r) => r.action)).toEqual(['label.created', 'label.updated', 'label.deleted']);
    });

    it('anyone who sees a conversation sets its labels; the list shows and filters by them; conversation.updated is pushed', async () => {
      const billing = await createLabel('Billing', '#ef4444');
      const urgent = await createLabel('Follow-up', '#f59e0b');
      const { io } = await import('socket.io-client');
      const socket = io(h.t.url, { transports: ['websocket'], auth: { token: agentB.token }, reconnection: false, forceNew: true });
      const updates: ConversationEventPayload[] = [];
      socket.on('conversation.updated', (payload: ConversationEventPayload) => updates.push(payload));
      try {
        await new Promise((resolve, reject) => {
          socket.once('session.ready', resolve);
          socket.once('connect_error', reject);
        });
        const res = await h.t.http
          .put(`/api/conversations/${shared}/labels`)
          .set(bearer(agentA.token))
          .send({ labelIds: [urgent.id, billing.id] });
        expect(res.status).toBe(200);
        expect((res.body as ConversationDto).labels).toEqual([billing, urgent]);
        await waitFor(
          async () => updates.find((u) => u.conversation.id === shared && u.conversation.labels?.length === 2),
          5000,
          'conversation.updated with labels',
        );

        expect((await h.t.http.get(`/api/conversations/${shared}/labels`).set(bearer(agentB.token))).body).toEqual([billing, urgent]);
        const filtered = (await h.t.http.get('/api/conversations').query({ label: billing.id }).set(admin())).body as ConversationListResponse;
        expect(filtered.items.map((c) => c.id)).toEqual([shared]);
        expect(filtered.items[0].labels).toEqual([billing, urgent]);
        const none = (await h.t.http.get('/api/conversations').query({ label: billing.id }).set(bearer(agentB.token))).body as ConversationListResponse;
        expect(none.items.map((c) => c.id)).toEqual([shared]);

        // removing a label from the set, and deleting a label, unlink it
        await h.t.http
          .put(`/api/conversations/${shared}/labels`)
          .set(admin())
          .send({ labelIds: [billing.id] });
        await h.t.http.delete(`/api/labels/${billing.id}`).set(admin());
        expect((await h.t.http.get(`/api/conversations/${shared}/labels`).set(admin())).body).toEqual([]);
      } finally {
        socket.disconnect();
      }
    });

    it('out of scope: 404; unknown or malformed label ids: 400', async () => {
      const label = await createLabel(`L-${randomUUID().slice(0, 6)}`);
      expect(
        (
          await h.t.http
            .put(`/api/conversations/${privateToB}/labels`)
            .set(bearer(agentA.token))
            .send({ labelIds: [label.id] })
        ).status,
      ).toBe(404);
      expect((await h.t.http.get(`/api/conversations/${privateToB}/labels`).set(bearer(agentA.token))).status).toBe(404);
      expect(
        (
          await h.t.http
            .put(`/api/conversations/${privateToB}/labels`)
            .set(bearer(agentB.token))
            .send({ labelIds: [label.id] })
        ).status,
      ).toBe(200);
      const unknown = await h.t.http
        .put(`/api/conversations/${shared}/labels`)
        .set(admin())
        .send({ labelIds: [randomUUID()] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('LABEL_UNKNOWN_IDS');
      const malformed = await h.t.http
        .put(`/api/conversations/${shared}/labels`)
        .set(admin())
        .send({ labelIds: ['nope'] });
      expect(malformed.status).toBe(400);
      expect((malformed.body.errors as { field: string }[])[0].field).toBe('labelIds');
      expect((await h.t.http.get('/api/conversations').query({ label: 'nope' }).set(admin())).status).toBe(400);
    });
  });

  describe('priority', () => {
    it('defaults to none; anyone who sees the conversation sets it; out of scope 404; invalid 400', async () => {
      const before = await h.t.http.get(`/api/conversations/${shared}`).set(bearer(agentA.token));
      expect(before.body.priority).toBe('none');
      const set = await h.t.http.put(`/api/conversations/${shared}/priority`).set(bearer(agentA.token)).send({ priority: 'urgent' });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ id: shared, priority: 'urgent' });
      expect((await h.t.http.get(`/api/conversations/${shared}`).set(admin())).body.priority).toBe('urgent');
      expect((await h.t.http.put(`/api/conversations/${privateToB}/priority`).set(bearer(agentA.token)).send({ priority: 'high' })).status).toBe(404);
      const bad = await h.t.http.put(`/api/conversations/${shared}/priority`).set(bearer(agentA.token)).send({ priority: 'asap' });
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[])[0].field).toBe('priority');
    });
  });
});
