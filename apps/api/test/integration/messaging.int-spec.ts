import { ChannelStatus, MessageDto, ReplyPolicyResponse, Role, SendMessageResponse } from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { randomUUID } from 'node:crypto';
import { ConversationEntity } from '../../src/modules/inbox/entities/conversation.entity';
import { MessageEntity } from '../../src/modules/inbox/entities/message.entity';
import { RoundRobinSubscriber } from '../../src/modules/assignment/round-robin.subscriber';
import { PresenceService } from '../../src/modules/realtime/presence.service';
import { OutboundRecoveryService } from '../../src/modules/messaging/outbound-recovery.service';
import { OutboundReconciliationService } from '../../src/modules/messaging/outbound-reconciliation.service';
import { OutboundMessageRepository } from '../../src/modules/inbox/repositories/outbound-message.repository';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const IG = SIM_SEED.instagramCustomers;
const FB = SIM_SEED.messengerCustomers;
const HOUR = 3_600_000;
/** Meta accepted it; the delivery/read webhooks may already have moved it on by the time we look. */
const SENT = expect.stringMatching(/^(sent|delivered|read)$/);

/**
 * The outbound pipeline end to end: the api sends through the Meta simulator, the simulator enforces
 * Meta's windows and faults and echoes our sends back as signed webhooks. SQLite, or MySQL/MariaDB
 * with TEST_DATABASE_URL.
 */
describe('messaging: reply policy, sending, idempotency, access scope (integration)', () => {
  let h: IngestionHarness;
  let agentA: { token: string; id: string };
  let agentB: { token: string; id: string };

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => bearer(h.admin);

  /** The customer writes (→ webhook → conversation), then both clocks move: the sim's thread and our window. */
  const conversationWith = async (customerId: string, hoursAgo = 0): Promise<string> => {
    h.sim.customerSends(customerId, { text: `hello ${randomUUID().slice(0, 6)}` });
    await h.settle();
    const rows: { id: string }[] = await h.t.dataSource.query('SELECT id FROM conversations WHERE customer_external_id = ?', [customerId]);
    const id = rows[0]?.id;
    if (!id) throw new Error(`no conversation for ${customerId}`);
    if (hoursAgo > 0) await moveClock(customerId, id, hoursAgo);
    return id;
  };
  const moveClock = async (customerId: string, conversationId: string, hoursAgo: number) => {
    await h.control(`/_sim/customers/${customerId}/clock`, { lastCustomerMessageHoursAgo: hoursAgo });
    await h.t.dataSource.getRepository(ConversationEntity).update({ id: conversationId }, { lastCustomerMessageAt: new Date(Date.now() - hoursAgo * HOUR) });
  };
  const setHumanAgent = async (enabled: boolean) => {
    await h.t.dataSource.query('UPDATE instagram_accounts SET human_agent_enabled = ?', [enabled ? 1 : 0]);
    await h.t.dataSource.query('UPDATE facebook_pages SET human_agent_enabled = ?', [enabled ? 1 : 0]);
  };
  const policyOf = async (conversationId: string, token = h.admin) => {
    const res = await h.t.http.get(`/api/conversations/${conversationId}/reply-policy`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as ReplyPolicyResponse;
  };
  const send = (conversationId: string, body: object, key: string | null = randomUUID(), token = h.admin) => {
    const req = h.t.http.post(`/api/conversations/${conversationId}/messages`).set(bearer(token));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const graphSends = () => h.sim.context.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));

  beforeAll(async () => {
    h = await startIngestionHarness();
    const a = await h.t.createUser(Role.AGENT);
    const b = await h.t.createUser(Role.AGENT);
    agentA = { token: a.accessToken, id: a.user.id };
    agentB = { token: b.accessToken, id: b.user.id };
  });
  afterAll(() => h?.close());
  afterEach(async () => {
    h.sim.clearFaults();
    await setHumanAgent(true);
  });

  describe('reply policy (rules engine through the endpoint, sim clock moved)', () => {
    const cases: { platform: string; customer: string }[] = [
      { platform: 'Instagram', customer: IG[0].igsid },
      { platform: 'Messenger', customer: FB[0].psid },
      // Instagram Login flavour: graph.instagram.com with the IG user token
      { platform: 'Instagram', customer: SIM_SEED.instagramLoginCustomers[1].igsid },
    ];

    it.each(cases)('$platform: 23 h → RESPONSE and the send goes out', async ({ customer }) => {
      const id = await conversationWith(customer, 23);
      const policy = await policyOf(id);
      expect(policy).toMatchObject({ mode: 'response', messagingType: 'RESPONSE', freeTextAllowed: true });
      expect(policy.mode === 'response' && policy.timeLeftMs).toBeGreaterThan(0.9 * HOUR);
      const before = graphSends().length;
      const res = await send(id, { text: 'Inside the window' });
      expect(res.status).toBe(201);
      expect((res.body as SendMessageResponse).message).toMatchObject({ status: SENT, source: 'agent', direction: 'outbound' });
      const call = graphSends().slice(before);
      expect(call).toHaveLength(1);
      expect(call[0].params).toMatchObject({ messaging_type: 'RESPONSE' });
      expect(call[0].params['tag']).toBeUndefined();
    });

    it.each(cases)('$platform: 25 h and 6 d → HUMAN_AGENT tag accepted by Meta; disabled → no send', async ({ platform, customer }) => {
      const id = await conversationWith(customer, 25);
      expect(await policyOf(id)).toMatchObject({ mode: 'human_agent', messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
      const before = graphSends().length;
      const res = await send(id, { text: 'A human answering after a day' });
      expect(res.body.message.status).toEqual(SENT);
      expect(graphSends().slice(before)[0].params).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

      await moveClock(customer, id, 24 * 6);
      expect(await policyOf(id)).toMatchObject({ mode: 'human_agent' });
      expect((await send(id, { text: 'Six days later' })).body.message.status).toEqual(SENT);

      await setHumanAgent(false);
      const disabled = await policyOf(id);
      const sendsBefore = graphSends().length;
      const refused = await send(id, { text: 'must not go out' });
      if (platform === 'Instagram') {
        expect(disabled).toMatchObject({ mode: 'blocked', reasonCode: 'HUMAN_AGENT_DISABLED' });
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('MESSAGING_REPLY_BLOCKED');
      } else {
        expect(disabled).toMatchObject({ mode: 'template_required', cause: 'HUMAN_AGENT_DISABLED' });
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe('MESSAGING_TEMPLATE_REQUIRED');
      }
      expect(refused.body.message).toBe(disabled.reason);
      expect(graphSends()).toHaveLength(sendsBefore);
    });

    it.each(cases)('$platform: 8 d → blocked / template required, never sent', async ({ platform, customer }) => {
      const id = await conversationWith(customer, 24 * 8);
      const policy = await policyOf(id);
      const before = graphSends().length;
      const res = await send(id, { text: 'Too late' });
      if (platform === 'Instagram') {
        expect(policy).toMatchObject({ mode: 'blocked', reasonCode: 'HUMAN_AGENT_EXPIRED', freeTextAllowed: false });
        expect(res.status).toBe(409);
      } else {
        expect(policy).toMatchObject({
          mode: 'template_required',
          cause: 'HUMAN_AGENT_EXPIRED',
          approvedUtilityTemplates: expect.any(Number),
          templates: expect.any(Array),
        });
        expect(res.status).toBe(422);
      }
      expect(res.body.message).toBe(policy.reason);
      expect(graphSends()).toHaveLength(before);
      const stored: { n: number | string }[] = await h.t.dataSource.query(
        "SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'outbound' AND text = 'Too late'",
        [id],
      );
      expect(Number(stored[0].n)).toBe(0);
    });
  });

  describe('send failures and retries', () => {
    it('551 (recipient unavailable) → failed with the plain reason; retry → sent', async () => {
      const id = await conversationWith(IG[3].igsid);
      h.sim.addFault({ pattern: 'POST /*/messages', code: 551, times: 1 });
      const res = await send(id, { text: 'Are you there?' });
      expect(res.status).toBe(201);
      const failed = (res.body as SendMessageResponse).message;
      expect(failed).toMatchObject({ status: 'failed', errorCode: '551', mid: null });
      expect(failed.errorMessage).toMatch(/\S/);
      expect(failed.errorMessage).not.toMatch(/OAuthException|\(#551\)/);

      const retried = await h.t.http.post(`/api/conversations/${id}/messages/${failed.id}/retry`).set(admin());
      expect(retried.status).toBe(200);
      expect(retried.body.message).toMatchObject({ id: failed.id, status: SENT, errorCode: null, errorMessage: null });
      expect(retried.body.message.mid).toBeTruthy();

      const again = await h.t.http.post(`/api/conversations/${id}/messages/${failed.id}/retry`).set(admin());
      expect([again.status, again.body.code]).toEqual([409, 'MESSAGING_NOT_RETRYABLE']);
    });

    it('10/2018278 (outside the window, Messenger) → failed with the window reason', async () => {
      const id = await conversationWith(FB[3].psid);
      h.sim.addFault({ pattern: 'POST /*/messages', code: 10, subcode: 2018278, times: 1 });
      const res = await send(id, { text: 'Meta says no' });
      expect(res.body.message).toMatchObject({ status: 'failed', errorCode: '10/2018278' });
      expect(res.body.message.errorMessage).toMatch(/24|window/i);
    });

    it('a 5xx is never replayed automatically: the send is unknown until Meta is asked (outbound-unknown.int-spec.ts)', async () => {
      const id = await conversationWith(FB[3].psid);
      h.sim.addFault({ pattern: 'POST /*/messages', httpStatus: 500, times: 1 });
      const before = graphSends().length;
      const res = await send(id, { text: 'Maybe it went out' });
      expect(res.body.message).toMatchObject({ status: 'unknown', mid: null });
      expect(graphSends().length - before).toBe(1);
    });

    it('190 → failed, and the channel needs re-authentication', async () => {
      const id = await conversationWith(IG[3].igsid);
      h.sim.addFault({ pattern: 'POST /*/messages', code: 190, times: 1 });
      const res = await send(id, { text: 'Token trouble' });
      expect(res.body.message).toMatchObject({ status: 'failed', errorCode: '190/460' });
      const rows: { status: string }[] = await h.t.dataSource.query('SELECT status FROM instagram_accounts WHERE ig_user_id = ?', [SIM_SEED.instagram.id]);
      expect(rows[0].status).toBe(ChannelStatus.NEEDS_REAUTH);
      // the composer now explains it before anything is sent
      expect(await policyOf(id)).toMatchObject({ mode: 'blocked', reasonCode: 'CHANNEL_NEEDS_REAUTH' });
      await h.t.dataSource.query("UPDATE instagram_accounts SET status = 'active', status_reason = NULL WHERE ig_user_id = ?", [SIM_SEED.instagram.id]);
    });
  });

  describe('idempotency and echoes', () => {
    it('the same key twice sends once and answers with the first result', async () => {
      const id = await conversationWith(FB[0].psid);
      const key = randomUUID();
      const before = graphSends().length;
      const first = await send(id, { text: 'Only once please' }, key);
      const second = await send(id, { text: 'Only once please' }, key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      // the same message in its current state (a delivery webhook may have moved it on meanwhile)
      expect(second.body.replayed).toBe(true);
      expect(second.body.message).toMatchObject({ id: first.body.message.id, mid: first.body.message.mid, text: 'Only once please' });
      expect(['sent', 'delivered', 'read']).toContain(second.body.message.status);
      expect(graphSends().length - before).toBe(1);
      const inbox = await h.control<{ data?: unknown[]; messages?: { text?: string }[] }>(`/_sim/customers/${FB[0].psid}/inbox`);
      expect(JSON.stringify(inbox).split('Only once please').length - 1).toBe(1);
    });

    it('concurrent duplicates hit the unique key: one message, one send', async () => {
      const id = await conversationWith(FB[0].psid);
      const key = randomUUID();
      const before = graphSends().length;
      const results = await Promise.all([
        send(id, { text: 'Double click' }, key),
        send(id, { text: 'Double click' }, key),
        send(id, { text: 'Double click' }, key),
      ]);
      const ids = new Set(results.map((r) => r.body.message.id));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(ids.size).toBe(1);
      expect(graphSends().length - before).toBe(1);
    });

    it('the echo webhook of our send does not duplicate it', async () => {
      const id = await conversationWith(IG[0].igsid);
      const res = await send(id, { text: `echo check ${randomUUID()}` });
      const sent = res.body.message as MessageDto;
      expect(sent.status).toEqual(SENT);
      await h.settle();
      const rows: { n: number | string }[] = await h.t.dataSource.query('SELECT COUNT(*) AS n FROM messages WHERE text = ?', [sent.text]);
      expect(Number(rows[0].n)).toBe(1);
      const echoes = h.sim.deliveries().filter((d) => d.body.includes(sent.mid as string));
      expect(echoes.length).toBeGreaterThan(0);
    });

    it('an echo stored before we knew the mid gives way to our message (no duplicate, no unique error)', async () => {
      const id = await conversationWith(IG[2].igsid);
      const repo = h.t.app.get(OutboundMessageRepository);
      const messages = h.t.dataSource.getRepository(MessageEntity);
      const conversation = await h.t.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id });
      const mid = `aWdfZAGEchoRace${randomUUID().replace(/-/g, '')}`;
      const base = {
        conversationId: id,
        channelId: conversation.channelId,
        platform: conversation.platform,
        direction: 'outbound' as const,
        text: 'raced',
        sentAt: new Date(),
      };
      const echo = await messages.save(messages.create({ ...base, mid, status: 'sent', source: 'native_app', clientKey: null }));
      const ours = await messages.save(messages.create({ ...base, mid: null, status: 'pending', source: 'agent', clientKey: randomUUID() }));
      const { message, removedEcho } = await repo.markSent(ours, mid);
      expect(removedEcho?.id).toBe(echo.id);
      expect(message).toMatchObject({ id: ours.id, mid, status: 'sent' });
      expect(await messages.countBy({ mid })).toBe(1);
    });

    it('a send interrupted before Meta answered (process died) becomes unknown at boot, and retryable once Meta confirms it does not have it', async () => {
      const id = await conversationWith(FB[3].psid);
      const conversation = await h.t.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id });
      const messages = h.t.dataSource.getRepository(MessageEntity);
      const old = new Date(Date.now() - 10 * 60_000);
      const stuck = await messages.save(
        messages.create({
          conversationId: id,
          channelId: conversation.channelId,
          platform: conversation.platform,
          direction: 'outbound',
          status: 'pending',
          source: 'agent',
          clientKey: randomUUID(),
          text: 'lost in a crash',
          sentAt: old,
          createdAt: old,
        }),
      );
      const fresh = await messages.save(
        messages.create({
          conversationId: id,
          channelId: conversation.channelId,
          platform: conversation.platform,
          direction: 'outbound',
          status: 'pending',
          source: 'agent',
          clientKey: randomUUID(),
          text: 'still in flight',
          sentAt: new Date(),
        }),
      );
      expect(await h.t.app.get(OutboundRecoveryService).recover()).toBe(1);
      expect(await messages.findOneByOrFail({ id: stuck.id })).toMatchObject({ status: 'unknown', errorCode: 'INTERRUPTED' });
      expect((await messages.findOneByOrFail({ id: fresh.id })).status).toBe('pending');
      const early = await h.t.http.post(`/api/conversations/${id}/messages/${stuck.id}/retry`).set(admin());
      expect([early.status, early.body.code]).toEqual([409, 'MESSAGING_SEND_UNCONFIRMED']);
      // Meta's thread has no such message: after the grace period it is failed, and only then retryable
      await h.t.app.get(OutboundReconciliationService).sweep(() => Date.now() + h.t.config.outbound.reconcileGraceMs + 1000);
      expect(await messages.findOneByOrFail({ id: stuck.id })).toMatchObject({ status: 'failed', errorCode: 'NOT_DELIVERED' });
      const retried = await h.t.http.post(`/api/conversations/${id}/messages/${stuck.id}/retry`).set(admin());
      expect(retried.body.message).toMatchObject({ status: SENT, text: 'lost in a crash' });
      await messages.update({ id: fresh.id }, { status: 'failed' });

      // failed, but Meta's echo later gave it a mid: a retry confirms it instead of sending again
      await messages.update({ id: fresh.id }, { mid: `m_late_echo_${randomUUID()}` });
      const before = graphSends().length;
      const confirmed = await h.t.http.post(`/api/conversations/${id}/messages/${fresh.id}/retry`).set(admin());
      expect(confirmed.body).toMatchObject({ replayed: true, message: { id: fresh.id, status: 'sent' } });
      expect(graphSends()).toHaveLength(before);
    });

    it('quotes a message (reply_to) and offers quick replies through the Send API', async () => {
      const id = await conversationWith(FB[3].psid);
      const rows: { mid: string }[] = await h.t.dataSource.query(
        "SELECT mid FROM messages WHERE conversation_id = ? AND direction = 'inbound' ORDER BY sent_at DESC",
        [id],
      );
      const res = await send(id, {
        text: 'Which size?',
        replyToMid: rows[0].mid,
        quickReplies: [
          { title: 'Small', payload: 'SIZE_S' },
          { title: 'Large', payload: 'SIZE_L' },
        ],
      });
      expect(res.body.message).toMatchObject({ status: SENT, replyToMid: rows[0].mid });
      const call = graphSends().pop();
      expect(call?.params['reply_to']).toEqual({ mid: rows[0].mid });
      expect(call?.params['message']).toMatchObject({
        text: 'Which size?',
        metadata: expect.any(String),
        quick_replies: [
          { content_type: 'text', title: 'Small', payload: 'SIZE_S' },
          { content_type: 'text', title: 'Large', payload: 'SIZE_L' },
        ],
      });
    });

    it('Messenger asks for the email with a quick reply; Instagram refuses phone/email quick replies (disabled 2026-10-05) with the reason, before sending', async () => {
      const fb = await conversationWith(FB[3].psid);
      const ok = await send(fb, { text: 'Where should we send the receipt?', quickReplies: [{ contentType: 'user_email' }] });
      expect(ok.body.message).toMatchObject({ status: SENT });
      expect(graphSends().pop()?.params['message']).toMatchObject({ quick_replies: [{ content_type: 'user_email' }] });

      const ig = await conversationWith(IG[0].igsid);
      const before = graphSends().length;
      for (const contentType of ['user_phone_number', 'user_email']) {
        const refused = await send(ig, { text: 'Your number?', quickReplies: [{ contentType }] });
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([
          { field: 'quickReplies', messages: [expect.stringMatching(/^Instagram stopped offering (phone-number|email) quick replies on 5 October 2026/)] },
        ]);
      }
      const untitled = await send(ig, { text: 'pick', quickReplies: [{ contentType: 'text', payload: 'X' }] });
      expect([untitled.status, untitled.body.errors?.[0]?.field]).toEqual([400, 'quickReplies.0.title']);
      expect(graphSends()).toHaveLength(before);
    });

    it('rejects a missing key and invalid content with field errors, before sending', async () => {
      const id = await conversationWith(IG[0].igsid);
      const before = graphSends().length;
      const noKey = await send(id, { text: 'hi' }, null);
      expect([noKey.status, noKey.body.code]).toEqual([400, 'MESSAGING_IDEMPOTENCY_KEY_INVALID']);
      const tooLong = await send(id, { text: 'é'.repeat(501) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors[0].field).toBe('text');
      expect(tooLong.body.errors[0].messages[0]).toMatch(/1,000|1000/);
      const foreignQuote = await send(id, { text: 'hi', replyToMid: 'm_not_in_this_thread' });
      expect([foreignQuote.status, foreignQuote.body.errors?.[0]?.field]).toEqual([400, 'replyToMid']);
      const empty = await send(id, {});
      expect(empty.status).toBe(400);
      const quick = await send(id, { text: 'pick', quickReplies: Array.from({ length: 14 }, (_, i) => ({ title: `o${i}`, payload: `p${i}` })) });
      expect(quick.status).toBe(400);
      expect(graphSends()).toHaveLength(before);
    });
  });

  describe('stale view', () => {
    it('asks for confirmation when newer customer messages arrived after the one the agent saw', async () => {
      const id = await conversationWith(FB[1].psid);
      const seen: { id: string }[] = await h.t.dataSource.query(
        "SELECT id FROM messages WHERE conversation_id = ? AND direction = 'inbound' ORDER BY sent_at DESC",
        [id],
      );
      const lastSeenMessageId = seen[0].id;
      h.sim.customerSends(FB[1].psid, { text: 'Actually, never mind' });
      await h.settle();
      const stale = await send(id, { text: 'Sure, on it!', lastSeenMessageId });
      expect([stale.status, stale.body.code]).toEqual([409, 'MESSAGING_STALE_VIEW']);
      const confirmed = await send(id, { text: 'Sure, on it!', lastSeenMessageId, confirmStale: true });
      expect(confirmed.status).toBe(201);
      const fresh: { id: string }[] = await h.t.dataSource.query(
        "SELECT id FROM messages WHERE conversation_id = ? AND direction = 'inbound' ORDER BY sent_at DESC",
        [id],
      );
      expect((await send(id, { text: 'Up to date', lastSeenMessageId: fresh[0].id })).status).toBe(201);
    });
  });

  describe('access scope', () => {
    it("agents cannot read or send in a teammate's conversation (404), but can in theirs and unassigned ones", async () => {
      const id = await conversationWith(IG[1].igsid);
      // unassigned: every agent may look and take it
      expect((await h.t.http.get(`/api/conversations/${id}/reply-policy`).set(bearer(agentB.token))).status).toBe(200);
      const taken = await h.t.http.post(`/api/conversations/${id}/assign`).set(bearer(agentA.token)).send({ assigneeId: agentA.id });
      expect(taken.status).toBe(200);
      expect(taken.body.conversation.assigneeId).toBe(agentA.id);

      const before = graphSends().length;
      const reads = await h.t.http.get(`/api/conversations/${id}/reply-policy`).set(bearer(agentB.token));
      const sends = await send(id, { text: 'not mine' }, randomUUID(), agentB.token);
      const assigns = await h.t.http.post(`/api/conversations/${id}/assign`).set(bearer(agentB.token)).send({ assigneeId: agentB.id });
      const patches = await h.t.http.patch(`/api/conversations/${id}`).set(bearer(agentB.token)).send({ status: 'resolved' });
      const unknown = await h.t.http.get(`/api/conversations/${randomUUID()}/reply-policy`).set(bearer(agentB.token));
      for (const res of [reads, sends, assigns, patches]) expect([res.status, res.body.code]).toEqual([404, 'MESSAGING_CONVERSATION_NOT_FOUND']);
      // indistinguishable from a conversation that does not exist
      expect(unknown.body).toMatchObject({ statusCode: 404, code: reads.body.code, message: reads.body.message });
      expect(graphSends()).toHaveLength(before);

      expect((await send(id, { text: 'mine' }, randomUUID(), agentA.token)).body.message.status).toEqual(SENT);

      expect((await h.t.http.get(`/api/conversations/${id}`).set(bearer(agentB.token))).status).toBe(404);
      const single = await h.t.http.get(`/api/conversations/${id}`).set(bearer(agentA.token));
      expect(single.body).toMatchObject({ id, assigneeId: agentA.id, contact: { externalId: IG[1].igsid } });

      // hand over to B: now A is out and B is in
      const handed = await h.t.http.post(`/api/conversations/${id}/assign`).set(bearer(agentA.token)).send({ assigneeId: agentB.id });
      expect(handed.status).toBe(200);
      expect((await h.t.http.get(`/api/conversations/${id}/reply-policy`).set(bearer(agentA.token))).status).toBe(404);
      expect((await h.t.http.get(`/api/conversations/${id}/reply-policy`).set(bearer(agentB.token))).status).toBe(200);
      // admins see everything and their reassignments are audited
      const back = await h.t.http.post(`/api/conversations/${id}/assign`).set(admin()).send({ assigneeId: null });
      expect(back.body.conversation.assigneeId).toBeNull();
      const audit: { n: number | string }[] = await h.t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'conversation.assigned' AND target_id = ?",
        [id],
      );
      expect(Number(audit[0].n)).toBe(1);
    });

    it('requires a session for every endpoint', async () => {
      const id = randomUUID();
      const calls = [
        h.t.http.get(`/api/conversations/${id}/reply-policy`),
        h.t.http.get(`/api/conversations/${id}`),
        h.t.http.post(`/api/conversations/${id}/messages`).set('Idempotency-Key', randomUUID()).send({ text: 'x' }),
        h.t.http.post(`/api/conversations/${id}/assign`).send({ assigneeId: null }),
        h.t.http.post('/api/uploads?platform=FACEBOOK'),
        h.t.http.get('/api/presence/online'),
      ];
      for (const res of await Promise.all(calls)) expect(res.status).toBe(401);
    });

    it('an agent answering an unassigned conversation takes it (no parallel answers)', async () => {
      const id = await conversationWith(IG[1].igsid);
      await h.t.http.post(`/api/conversations/${id}/assign`).set(admin()).send({ assigneeId: null });
      const res = await send(id, { text: 'I am on it' }, randomUUID(), agentB.token);
      expect(res.body.message.status).toEqual(SENT);
      const rows: { assignee_id: string | null }[] = await h.t.dataSource.query('SELECT assignee_id FROM conversations WHERE id = ?', [id]);
      expect(rows[0].assignee_id).toBe(agentB.id);
      expect((await send(id, { text: 'me too' }, randomUUID(), agentA.token)).status).toBe(404);
      // admins answering do not take conversations
      await h.t.http.post(`/api/conversations/${id}/assign`).set(admin()).send({ assigneeId: null });
      expect((await send(id, { text: 'admin here' })).body.message.status).toEqual(SENT);
      const after: { assignee_id: string | null }[] = await h.t.dataSource.query('SELECT assignee_id FROM conversations WHERE id = ?', [id]);
      expect(after[0].assignee_id).toBeNull();
    });

    it('agents may not give an unassigned conversation to someone else', async () => {
      const id = await conversationWith(IG[1].igsid);
      await h.t.http.post(`/api/conversations/${id}/assign`).set(admin()).send({ assigneeId: null });
      const res = await h.t.http.post(`/api/conversations/${id}/assign`).set(bearer(agentA.token)).send({ assigneeId: agentB.id });
      expect([res.status, res.body.code]).toEqual([403, 'ASSIGNMENT_FORBIDDEN']);
    });
  });

  describe('status, snooze, read', () => {
    it('snoozes until a time (required), reopens when due, and marks read', async () => {
      const id = await conversationWith(FB[2].psid);
      const missing = await h.t.http.patch(`/api/conversations/${id}`).set(admin()).send({ status: 'snoozed' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('snoozedUntil');
      const past = await h.t.http
        .patch(`/api/conversations/${id}`)
        .set(admin())
        .send({ status: 'snoozed', snoozedUntil: new Date(Date.now() - HOUR).toISOString() });
      expect([past.status, past.body.errors?.[0]?.field]).toEqual([400, 'snoozedUntil']);
      const until = new Date(Date.now() + HOUR).toISOString();
      const snoozed = await h.t.http.patch(`/api/conversations/${id}`).set(admin()).send({ status: 'snoozed', snoozedUntil: until });
      expect(snoozed.body).toMatchObject({ conversation: { status: 'snoozed' }, snoozedUntil: until });

      const { AssignmentService } = await import('../../src/modules/assignment/assignment.service');
      const woken = await h.t.app.get(AssignmentService).wakeSnoozed(new Date(Date.now() + 2 * HOUR));
      expect(woken).toBeGreaterThanOrEqual(1);
      const after: { status: string; unread_count: number }[] = await h.t.dataSource.query('SELECT status, unread_count FROM conversations WHERE id = ?', [id]);
      expect(after[0].status).toBe('open');
      expect(Number(after[0].unread_count)).toBeGreaterThan(0);

      const read = await h.t.http.post(`/api/conversations/${id}/read`).set(admin());
      expect(read.status).toBe(200);
      expect(read.body.conversation.unreadCount).toBe(0);
      // the customer sees "Seen" (a mark_seen sender action inside the window)
      await waitFor(
        async () =>
          h.sim.context.requests.some((r) => r.params['sender_action'] === 'mark_seen' && (r.params['recipient'] as { id?: string })?.id === FB[2].psid) ||
          null,
        3000,
        'mark_seen',
      );
    });
  });

  describe('reactions and uploads', () => {
    it("reacts to the customer's message and takes it back", async () => {
      const id = await conversationWith(IG[0].igsid);
      const rows: { mid: string }[] = await h.t.dataSource.query(
        "SELECT mid FROM messages WHERE conversation_id = ? AND direction = 'inbound' ORDER BY sent_at DESC",
        [id],
      );
      const mid = rows[0].mid;
      const react = await h.t.http
        .post(`/api/conversations/${id}/messages/${encodeURIComponent(mid)}/reactions`)
        .set(admin())
        .send({ action: 'react', reaction: 'love' });
      expect(react.status).toBe(200);
      expect(react.body.reactions).toEqual([expect.objectContaining({ by: 'business', reaction: 'love' })]);
      const call = h.sim.context.requests.filter((r) => r.params['sender_action'] === 'react').pop();
      expect(call?.status).toBe(200);
      const wrong = await h.t.http
        .post(`/api/conversations/${id}/messages/${encodeURIComponent(mid)}/reactions`)
        .set(admin())
        .send({ action: 'react', reaction: '😂' });
      expect(wrong.status).toBe(400);
      const unreact = await h.t.http
        .post(`/api/conversations/${id}/messages/${encodeURIComponent(mid)}/reactions`)
        .set(admin())
        .send({ action: 'unreact' });
      expect(unreact.body.reactions).toEqual([]);
    });

    it('uploads a file checked against the platform limits and sends it by signed URL', async () => {
      const id = await conversationWith(FB[0].psid);
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4150000000049454e44ae426082',
        'hex',
      );
      const upload = await h.t.http.post('/api/uploads?platform=FACEBOOK').set(admin()).attach('file', png, { filename: 'dot.png', contentType: 'image/png' });
      expect(upload.status).toBe(201);
      expect(upload.body).toMatchObject({ kind: 'image', mimeType: 'image/png', sizeBytes: png.length });

      const exe = await h.t.http
        .post('/api/uploads?platform=INSTAGRAM')
        .set(admin())
        .attach('file', Buffer.from('MZ'), { filename: 'x.exe', contentType: 'application/x-msdownload' });
      expect([exe.status, exe.body.code]).toEqual([400, 'MESSAGING_UPLOAD_REJECTED']);

      const res = await send(id, { attachments: [upload.body.id] });
      expect(res.body.message).toMatchObject({ status: SENT });
      // the thread shows our own attachment from the stored copy
      const mediaPath = (res.body.message as MessageDto).attachments[0]?.mediaPath;
      expect(mediaPath).toBe(`/api/media/messages/${res.body.message.id}/0`);
      const media = await h.t.http
        .get(mediaPath as string)
        .set(admin())
        .buffer(true);
      expect([media.status, media.headers['content-type'], Buffer.compare(media.body as Buffer, png)]).toEqual([200, 'image/png', 0]);
      const call = graphSends().pop();
      const url = (call?.params['message'] as { attachment?: { payload?: { url?: string } } }).attachment?.payload?.url;
      expect(url).toContain(`/api/uploads/${upload.body.id}/content?`);
      // the link works for Meta, and a tampered one does not
      expect((await fetch(url as string)).status).toBe(200);
      expect((await fetch((url as string).replace(/signature=[^&]+/, 'signature=forged'))).status).toBe(404);
    });
  });

  describe('round-robin', () => {
    it('assigns a new conversation to an online agent under capacity when turned on (off by default)', async () => {
      expect((await h.t.http.get('/api/settings/assignment').set(admin())).body).toEqual({ autoAssign: false, capacity: 10 });
      expect((await h.t.http.get('/api/settings/assignment').set(bearer(agentA.token))).status).toBe(403);
      const put = await h.t.http.put('/api/settings/assignment').set(admin()).send({ autoAssign: true, capacity: 5 });
      expect(put.body).toEqual({ autoAssign: true, capacity: 5 });
      const { io } = await import('socket.io-client');
      const socket = io(h.t.url, { transports: ['websocket'], auth: { token: agentB.token }, reconnection: false, forceNew: true });
      try {
        const announced: { conversation: { id: string; assigneeId: string }; assignedBy: string | null }[] = [];
        socket.on('conversation.assigned', (payload: (typeof announced)[number]) => announced.push(payload));
        await new Promise((resolve, reject) => {
          socket.once('session.ready', resolve);
          socket.once('connect_error', reject);
        });
        await waitFor(
          async () => ((await h.t.http.get('/api/presence/online').set(admin())).body.users as { userId: string }[]).some((u) => u.userId === agentB.id),
          5000,
          'agent B online',
        );
        // a customer no other test wrote with: the conversation is new
        const customer = SIM_SEED.instagramLoginCustomers[0].igsid;
        const id = await conversationWith(customer);
        await h.t.app.get(RoundRobinSubscriber).settled();
        const rows: { assignee_id: string | null }[] = await h.t.dataSource.query('SELECT assignee_id FROM conversations WHERE id = ?', [id]);
        expect(rows[0].assignee_id).toBe(agentB.id);
        // told after the commit, as an automatic assignment
        await waitFor(async () => announced.find((e) => e.conversation.id === id), 3000, 'conversation.assigned');
        expect(announced.find((e) => e.conversation.id === id)).toMatchObject({ conversation: { assigneeId: agentB.id }, assignedBy: null });
      } finally {
        socket.disconnect();
        await h.t.http.put('/api/settings/assignment').set(admin()).send({ autoAssign: false, capacity: 10 });
      }
    });

    it('looks up who is online after the ingestion commit, never inside it', async () => {
      await h.t.http.put('/api/settings/assignment').set(admin()).send({ autoAssign: true, capacity: 5 });
      const presence = h.t.app.get(PresenceService);
      const original = presence.onlineUsers.bind(presence);
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      const spy = jest.spyOn(presence, 'onlineUsers').mockImplementation(async () => {
        asked = true;
        await gate;
        return original();
      });
      try {
        const customer = SIM_SEED.newCustomers.instagram.igsid;
        const { mid } = h.sim.customerSends(customer, { text: 'while presence is slow' });
        // the message and its delivery row are committed while the presence lookup still hangs
        await waitFor(async () => (await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])) === 1, 10_000, 'the message to commit');
        await h.settle();
        await waitFor(async () => asked, 5000, 'the presence lookup');
        const rows: { assignee_id: string | null }[] = await h.t.dataSource.query('SELECT assignee_id FROM conversations WHERE customer_external_id = ?', [
          customer,
        ]);
        expect(rows[0].assignee_id).toBeNull();
      } finally {
        release();
        spy.mockRestore();
        await h.t.app.get(RoundRobinSubscriber).settled();
        await h.t.http.put('/api/settings/assignment').set(admin()).send({ autoAssign: false, capacity: 10 });
      }
    });
  });
});
