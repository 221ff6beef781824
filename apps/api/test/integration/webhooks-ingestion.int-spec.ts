import { ConversationListResponse, MessageDto, MessageListResponse, Role, WebhookEventDetailDto, WebhookEventListResponse } from '@ticklegram/domain-models';
import { ClientToServerEvents, MessageEventPayload, ServerToClientEvents } from '@ticklegram/domain-models';
import { appSecretProof, SIM_SEED } from '@ticklegram/meta-sim';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const IG = SIM_SEED.instagramCustomers;
const FB = SIM_SEED.messengerCustomers;

/**
 * Webhook ingestion end to end: the Meta simulator delivers signed webhooks to the running api, the
 * worker applies them, and the read endpoints show the result. Runs on SQLite, and on MySQL/MariaDB
 * with TEST_DATABASE_URL.
 */
describe('webhook ingestion (integration)', () => {
  let h: IngestionHarness;
  const as = (path: string) => h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`);

  const conversationOf = async (customerExternalId: string) => {
    const list = (await as('/api/conversations?limit=100')).body as ConversationListResponse;
    const found = list.items.find((c) => c.contact.externalId === customerExternalId);
    if (!found) throw new Error(`no conversation for ${customerExternalId}`);
    return found;
  };
  const messagesOf = async (customerExternalId: string): Promise<MessageDto[]> => {
    const conversation = await conversationOf(customerExternalId);
    return ((await as(`/api/conversations/${conversation.id}/messages?limit=200`)).body as MessageListResponse).items;
  };
  const messageByMid = async (customerExternalId: string, mid: string) => {
    const found = (await messagesOf(customerExternalId)).find((m) => m.mid === mid);
    if (!found) throw new Error(`no message ${mid}`);
    return found;
  };
  /** The business answers through the Send API (Page token), which makes Meta send an echo. */
  const businessSends = async (recipient: string, text: string): Promise<string> => {
    const token = SIM_SEED.page.accessToken;
    const url = `${h.sim.url}/v25.0/${SIM_SEED.page.id}/messages?access_token=${token}&appsecret_proof=${appSecretProof(token, SIM_SEED.app.secret)}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { id: recipient }, messaging_type: 'RESPONSE', message: { text } }),
    });
    const body = (await res.json()) as { message_id?: string };
    if (!body.message_id) throw new Error(`send failed: ${JSON.stringify(body)}`);
    return body.message_id;
  };

  beforeAll(async () => {
    h = await startIngestionHarness();
  });
  afterAll(() => h?.close());

  describe('the receiver', () => {
    it('answers the hub.challenge handshake on every path, 403 on a wrong token', async () => {
      for (const path of ['/webhooks/instagram', '/webhooks/facebook', '/webhook']) {
        const ok = await h.t.http
          .get(path)
          .query({ 'hub.mode': 'subscribe', 'hub.verify_token': h.t.config.meta.webhookVerifyToken, 'hub.challenge': '1158201444' });
        expect([path, ok.status, ok.text]).toEqual([path, 200, '1158201444']);
        const bad = await h.t.http.get(path).query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong-token', 'hub.challenge': '1' });
        expect([path, bad.status]).toEqual([path, 403]);
      }
      expect((await h.t.http.get('/api/webhooks/instagram')).status).not.toBe(200);
    });

    it('stores nothing for a missing or wrong signature (401)', async () => {
      const before = await h.count('SELECT COUNT(*) AS n FROM webhook_events');
      const body = JSON.stringify({ object: 'page', entry: [{ id: SIM_SEED.page.id, time: Date.now(), messaging: [] }] });
      const unsigned = await fetch(`${h.t.url}/webhooks/facebook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(unsigned.status).toBe(401);
      expect((await h.postSigned('/webhooks/facebook', body, 'not-the-app-secret')).status).toBe(401);
      // a signature of other bytes (re-serialised JSON) does not count either
      const tampered = await fetch(`${h.t.url}/webhooks/facebook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
        body,
      });
      expect(tampered.status).toBe(401);
      expect(await h.count('SELECT COUNT(*) AS n FROM webhook_events')).toBe(before);
    });

    it('keeps a signed body that is not JSON as rejected (400), accepts a 1000-entry batch and answers 413 over the limit', async () => {
      const bad = await h.postSigned('/webhooks/instagram', '{"object": "instagram", entry: [');
      expect(bad.status).toBe(400);
      expect(await h.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'rejected'`)).toBe(1);

      const entries = Array.from({ length: 1000 }, (_, i) => ({
        id: '0',
        time: Date.now(),
        changes: [{ field: 'comments', value: { id: `9000${i}`, text: 'sample', from: { id: '1', username: 'sample' }, media: { id: '2' } } }],
      }));
      const batch = JSON.stringify({ object: 'instagram', entry: entries });
      expect((await h.postSigned('/webhooks/instagram', batch)).status).toBe(200);

      const huge = JSON.stringify({ object: 'instagram', entry: [{ id: '1', pad: 'x'.repeat(h.t.config.webhooks.bodyLimitBytes) }] });
      expect((await h.postSigned('/webhooks/instagram', huge)).status).toBe(413);
      await h.settle();
      // dashboard test samples (entry.id "0") are applied as nothing
      expect(await h.count('SELECT COUNT(*) AS n FROM comments')).toBe(0);
    });
  });

  describe('each event family', () => {
    it('an Instagram DM creates the contact, the conversation and the message', async () => {
      const { mid } = h.sim.customerSends(IG[0].igsid, { text: 'Do you ship to Austria? 🇦🇹' });
      await h.settle();
      const conversation = await conversationOf(IG[0].igsid);
      expect(conversation).toMatchObject({
        platform: 'INSTAGRAM',
        status: 'open',
        unreadCount: 1,
        lastMessagePreview: 'Do you ship to Austria? 🇦🇹',
        lastMessageDirection: 'inbound',
      });
      expect(conversation.contact.displayName).toBe(IG[0].name);
      expect(conversation.contact.username).toBe(IG[0].username);
      // the looked-up name and username are in the search index too (written with them, after the message)
      for (const q of [IG[0].name, IG[0].username]) {
        const found = (await as(`/api/conversations?limit=100&search=${encodeURIComponent(q)}`)).body as ConversationListResponse;
        expect(found.items.map((c) => c.id)).toContain(conversation.id);
      }
      expect(conversation.lastCustomerMessageAt).not.toBeNull();
      expect(await messageByMid(IG[0].igsid, mid)).toMatchObject({
        direction: 'inbound',
        status: 'received',
        source: 'customer',
        text: 'Do you ship to Austria? 🇦🇹',
      });
    });

    it('a Messenger message with an image stores the file and serves it to signed-in users', async () => {
      const { mid } = h.sim.customerSends(FB[0].psid, { text: 'Here is the receipt', attachments: [{ type: 'image' }] });
      await h.settle();
      const message = await waitFor(
        async () => {
          const m = await messageByMid(FB[0].psid, mid);
          return m.attachments[0]?.mediaPath ? m : null;
        },
        10_000,
        'the image to be stored',
      );
      expect(message.attachments[0]).toMatchObject({ type: 'image' });
      const file = await h.t.http.get(message.attachments[0].mediaPath as string).set('Authorization', `Bearer ${h.admin}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toContain('image/png');
      expect((await h.t.http.get(message.attachments[0].mediaPath as string)).status).toBe(401);
      expect((await conversationOf(FB[0].psid)).contact.displayName).toBe(FB[0].name);

      // media follows the inbox's access rule: once the conversation is someone else's, other agents get 404
      const owner = await h.t.createUser(Role.AGENT);
      const other = await h.t.createUser(Role.AGENT);
      const path = message.attachments[0].mediaPath as string;
      expect((await h.t.http.get(path).set('Authorization', `Bearer ${other.accessToken}`)).status).toBe(200); // unassigned: every agent
      const conversation = await conversationOf(FB[0].psid);
      await h.t.http
        .post(`/api/conversations/${conversation.id}/assign`)
        .set('Authorization', `Bearer ${h.admin}`)
        .send({ assigneeId: owner.user.id })
        .expect(200);
      expect((await h.t.http.get(path).set('Authorization', `Bearer ${owner.accessToken}`)).status).toBe(200);
      expect((await h.t.http.get(path).set('Authorization', `Bearer ${other.accessToken}`)).status).toBe(404);
      await h.t.http.post(`/api/conversations/${conversation.id}/assign`).set('Authorization', `Bearer ${h.admin}`).send({ assigneeId: null }).expect(200);
    });

    it('echoes: our Send API message and a reply from the native inbox become outbound messages, once', async () => {
      const sentMid = await businessSends(FB[0].psid, 'Thanks, we got it');
      const native = await h.control<{ mid: string }>(`/_sim/customers/${FB[0].psid}/inbox-reply`, { text: 'Replying from Business Suite' });
      await h.settle();
      const messages = await messagesOf(FB[0].psid);
      expect(messages.filter((m) => m.mid === sentMid)).toHaveLength(1);
      expect(messages.find((m) => m.mid === sentMid)).toMatchObject({ direction: 'outbound', text: 'Thanks, we got it' });
      expect(messages.find((m) => m.mid === native.mid)).toMatchObject({ direction: 'outbound', source: 'native_app', text: 'Replying from Business Suite' });
      const conversation = await conversationOf(FB[0].psid);
      expect(conversation.lastMessageDirection).toBe('outbound');
      expect(conversation.unreadCount).toBe(0);
    });

    it('reactions, edits, unsends, reads and deliveries update the message', async () => {
      const customer = IG[3].igsid;
      const { mid } = h.sim.customerSends(customer, { text: 'first version' });
      const { mid: gone } = h.sim.customerSends(customer, { text: 'oops, wrong chat' });
      await h.settle();
      await h.control(`/_sim/customers/${customer}/reactions`, { mid, action: 'react', reaction: 'love', emoji: '❤️' });
      await h.control(`/_sim/customers/${customer}/edit`, { mid, text: 'second version' });
      await h.control(`/_sim/customers/${customer}/unsend`, { mid: gone });
      const outbound = await businessSends(customer, 'Noted!');
      await h.settle();
      await h.control(`/_sim/customers/${customer}/read`, {});
      await h.settle();

      const edited = await messageByMid(customer, mid);
      expect(edited.text).toBe('second version');
      expect(edited.editHistory.map((e) => e.text)).toEqual(['first version']);
      expect(edited.reactions).toMatchObject([{ by: 'customer', reaction: 'love', emoji: '❤️' }]);
      const unsent = await messageByMid(customer, gone);
      expect(unsent.text).toBeNull();
      expect(unsent.unsentAt).not.toBeNull();
      expect((await messageByMid(customer, outbound)).status).toBe('read');
    });

    it('postbacks and referrals are stored with their attribution', async () => {
      const customer = FB[3].psid;
      await h.control(`/_sim/customers/${customer}/referral`, {
        ref: 'spring_sale',
        source: 'ADS',
        adId: '6045246247433',
        adsContextData: { ad_title: 'Spring sale' },
      });
      await h.control(`/_sim/customers/${customer}/postback`, { title: 'Get Started', payload: 'GET_STARTED' });
      await h.settle();
      const conversation = await conversationOf(customer);
      expect(conversation.referral).toMatchObject({ kind: 'ad', adId: '6045246247433', ref: 'spring_sale' });
      const postback = (await messagesOf(customer)).find((m) => m.kind === 'postback');
      expect(postback).toMatchObject({ text: 'Get Started', postbackPayload: 'GET_STARTED', direction: 'inbound' });
    });

    it('a story mention keeps the link but not the media', async () => {
      const { mid } = await h.control<{ mid: string }>(`/_sim/customers/${IG[1].igsid}/story-mention`, {});
      await h.settle();
      const message = await messageByMid(IG[1].igsid, mid);
      expect(message.kind).toBe('story_mention');
      expect(message.attachments[0]).toMatchObject({ type: 'story_mention', expired: false });
      const [row] = (await as('/api/webhook-events?limit=1')).body.items as WebhookEventListResponse['items'];
      expect(((await as(`/api/webhook-events/${row.id}`)).body as WebhookEventDetailDto).items?.map((i) => [i.type, i.outcome])).toEqual([
        ['ig_story_mention', 'applied'],
      ]);
      expect(message.attachments[0].url).toContain(h.sim.url);
      // passed through while the link works, never written to media storage
      const path = message.attachments[0].mediaPath as string;
      const live = await h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`);
      expect(live.status).toBe(200);
      expect(live.headers['cache-control']).toContain('no-store');
      expect(readdirSync(join(h.t.config.dataDir, 'media')).filter((f) => f.startsWith(message.id))).toEqual([]);

      // the story expires: Meta's link stops working, the message says so
      await h.t.dataSource.query('UPDATE messages SET attachments = ? WHERE id = ?', [
        JSON.stringify([{ ...message.attachments[0], url: `${h.sim.url}/cdn/expired/story.png` }]),
        message.id,
      ]);
      expect((await h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`)).status).toBe(410);
      expect((await messageByMid(IG[1].igsid, mid)).attachments[0]).toMatchObject({ expired: true, mediaPath: null });
    });

    it('a story reply is a message that keeps which story it answered (applied by the instagram module)', async () => {
      const { mid } = await h.control<{ mid: string }>(`/_sim/customers/${IG[2].igsid}/messages`, {
        text: 'Where is this from?',
        storyId: SIM_SEED.media.story,
      });
      await h.settle();
      const message = await messageByMid(IG[2].igsid, mid);
      expect(message).toMatchObject({ kind: 'message', text: 'Where is this from?', direction: 'inbound' });
      expect(message.replyToStory).toMatchObject({ id: SIM_SEED.media.story });
      expect(message.replyToStory?.url).toContain(h.sim.url);
      const [row] = (await as('/api/webhook-events?limit=1')).body.items as WebhookEventListResponse['items'];
      const detail = (await as(`/api/webhook-events/${row.id}`)).body as WebhookEventDetailDto;
      expect(detail.items?.map((i) => [i.type, i.outcome])).toEqual([['ig_story_reply', 'applied']]);
    });

    it('comments, mentions and Facebook feed changes land in comments', async () => {
      const ig = await h.control<{ id: string }>(`/_sim/customers/${IG[2].igsid}/comments`, { objectId: SIM_SEED.media.post, text: 'Love this!' });
      const fb = await h.control<{ id: string }>(`/_sim/customers/${FB[1].psid}/comments`, {
        objectId: `${SIM_SEED.page.id}_122100000000000001`,
        text: 'How much is it?',
      });
      await h.control('/_sim/mentions', { username: 'someone.else', caption: 'Look at @example.store' });
      await h.settle();
      await h.control(`/_sim/comments/${fb.id}/edit`, { text: 'How much is it in EUR?' });
      await h.settle();
      const rows: { external_id: string; kind: string; text: string | null; edited_at: unknown }[] = await h.t.dataSource.query(
        'SELECT external_id, kind, text, edited_at FROM comments',
      );
      expect(rows.find((r) => r.external_id === ig.id)).toMatchObject({ kind: 'comment', text: 'Love this!' });
      expect(rows.find((r) => r.external_id === fb.id)).toMatchObject({ kind: 'comment', text: 'How much is it in EUR?' });
      expect(rows.find((r) => r.external_id === fb.id)?.edited_at).not.toBeNull();
      expect(rows.some((r) => r.kind === 'mention')).toBe(true);
    });

    it('pushes message.created to signed-in dashboards after the commit', async () => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(h.t.url, {
        transports: ['websocket'],
        auth: { token: h.admin },
        reconnection: false,
        forceNew: true,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('session.ready', () => resolve());
          socket.once('connect_error', reject);
        });
        const received = new Promise<MessageEventPayload>((resolve) =>
          socket.on('message.created', (payload) => payload.message.text === 'live, please' && resolve(payload)),
        );
        const { mid } = h.sim.customerSends(IG[3].igsid, { text: 'live, please' });
        const payload = await received;
        expect(payload.message.mid).toBe(mid);
        // emitted after the commit: the message is already readable
        expect(await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])).toBe(1);
      } finally {
        socket.disconnect();
      }
    });

    it('no delivery of any family is failed or dead, and channel health saw the webhooks', async () => {
      expect(await h.count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('failed','dead')`)).toBe(0);
      const channels = (await as('/api/channels')).body as { externalId: string; health: { webhooksLastHour: number } }[];
      expect(channels.find((c) => c.externalId === SIM_SEED.page.id)?.health.webhooksLastHour).toBeGreaterThan(0);
      expect(channels.find((c) => c.externalId === SIM_SEED.instagram.id)?.health.webhooksLastHour).toBeGreaterThan(0);
    });
  });

  describe('idempotency and ordering', () => {
    it('the same webhook delivered three times yields one message', async () => {
      h.sim.setDeliveryBehaviour({ duplicate: true });
      const { mid } = h.sim.customerSends(IG[0].igsid, { text: 'Are you open on Sunday?' });
      await h.settle();
      h.sim.setDeliveryBehaviour({ duplicate: false });
      const attempt = h.sim.deliveries().filter((d) => d.ok && d.body.includes(mid));
      expect(attempt.length).toBeGreaterThanOrEqual(2);
      // and a third time, byte for byte
      expect((await h.postSigned('/webhooks/instagram', attempt[0].body)).status).toBe(200);
      await h.settle();
      expect(await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])).toBe(1);
      const conversation = await conversationOf(IG[0].igsid);
      expect(conversation.unreadCount).toBe(2);
      const rows = (await as(`/api/webhook-events?limit=200`)).body as WebhookEventListResponse;
      const withMid = await Promise.all(rows.items.slice(0, 6).map(async (r) => (await as(`/api/webhook-events/${r.id}`)).body as WebhookEventDetailDto));
      const outcomes = withMid.filter((d) => d.rawBody.includes(mid)).flatMap((d) => (d.items ?? []).map((i) => i.outcome));
      expect(outcomes.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    });

    it('a reaction, an edit and a read that arrive before their message converge (and really arrive first)', async () => {
      const customer = IG[1].igsid;
      // hold every webhook, then release them newest first, one POST after the other
      await h.control('/_sim/webhooks/outage', { mode: 'pause' });
      const outbound = await businessSends(customer, 'Your order shipped');
      await h.control(`/_sim/customers/${customer}/read`, {});
      const { mid } = h.sim.customerSends(customer, { text: 'draft' });
      await h.control(`/_sim/customers/${customer}/reactions`, { mid, action: 'react', reaction: 'like', emoji: '👍' });
      await h.control(`/_sim/customers/${customer}/edit`, { mid, text: 'final' });
      const before = Math.max(0, ...h.sim.deliveries().map((d) => d.id));
      h.sim.setDeliveryBehaviour({ outOfOrder: true });
      await fetch(`${h.sim.url}/_sim/webhooks/outage`, { method: 'DELETE' });
      await h.settle();
      h.sim.setDeliveryBehaviour({ outOfOrder: false });

      // the order the api acknowledged them in (the sim sends one after the other, awaiting each answer)
      const arrived = h.sim
        .deliveries()
        .filter((d) => d.id > before && d.ok)
        .sort((a, b) => a.id - b.id)
        .map((d) => d.body);
      const at = (pattern: RegExp) => arrived.findIndex((body) => pattern.test(body));
      const messageAt = at(new RegExp(`"message":\\{"mid":"${mid}","text":"draft"`));
      const echoAt = at(new RegExp(`"mid":"${outbound}"[^}]*"is_echo":true|"is_echo":true[^}]*"mid":"${outbound}"`));
      expect(messageAt).toBeGreaterThanOrEqual(0);
      expect(echoAt).toBeGreaterThanOrEqual(0);
      expect(at(/"reaction":\{/)).toBeLessThan(messageAt);
      expect(at(/"message_edit":\{/)).toBeLessThan(messageAt);
      expect(at(/"read":\{/)).toBeLessThan(echoAt);
      expect(Math.min(at(/"reaction":\{/), at(/"message_edit":\{/), at(/"read":\{/))).toBeGreaterThanOrEqual(0);

      const message = await messageByMid(customer, mid);
      expect(message).toMatchObject({ text: 'final', reactions: [{ by: 'customer', reaction: 'like' }] });
      expect(message.editHistory.map((e) => e.text)).toEqual(['draft']);
      expect((await messageByMid(customer, outbound)).status).toBe('read');
      expect(await h.count('SELECT COUNT(*) AS n FROM pending_message_events')).toBe(0);
    });
  });

  describe('failures', () => {
    it('a poisoned event goes dead without blocking later events, and replays after the fix', async () => {
      await h.t.dataSource.query('ALTER TABLE comments RENAME TO comments_offline');
      let restored = false;
      try {
        const comment = await h.control<{ id: string }>(`/_sim/customers/${IG[0].igsid}/comments`, { objectId: SIM_SEED.media.reel, text: 'poisoned' });
        await h.settle();
        const { mid } = h.sim.customerSends(IG[2].igsid, { text: 'after the poison' });
        await h.settle();
        expect((await messageByMid(IG[2].igsid, mid)).text).toBe('after the poison');

        const dead = await waitFor(
          async () => {
            const list = (await as('/api/webhook-events?status=dead')).body as WebhookEventListResponse;
            return list.items[0] ?? null;
          },
          10_000,
          'a dead event',
        );
        expect(dead.attempts).toBe(3);
        expect(dead.lastError).toMatch(/comments/);

        await h.t.dataSource.query('ALTER TABLE comments_offline RENAME TO comments');
        restored = true;
        const agent = await h.t.createUser(Role.AGENT);
        expect((await h.t.http.post(`/api/webhook-events/${dead.id}/replay`).set('Authorization', `Bearer ${agent.accessToken}`)).status).toBe(403);
        const replay = await h.t.http.post(`/api/webhook-events/${dead.id}/replay`).set('Authorization', `Bearer ${h.admin}`);
        expect(replay.status).toBe(202);
        await waitFor(async () => ((await as(`/api/webhook-events/${dead.id}`)).body as WebhookEventDetailDto).status === 'processed', 10_000, 'the replay');
        expect(await h.count('SELECT COUNT(*) AS n FROM comments WHERE external_id = ?', [comment.id])).toBe(1);
      } finally {
        if (!restored) await h.t.dataSource.query('ALTER TABLE comments_offline RENAME TO comments');
      }
    });
  });

  describe('reading what arrived', () => {
    it('a known event type no module applies is kept and shown as unhandled, never silently dropped', async () => {
      const at = Date.now();
      const item = (extra: object) => ({ sender: { id: FB[0].psid }, recipient: { id: SIM_SEED.page.id }, timestamp: at, ...extra });
      const body = JSON.stringify({
        object: 'page',
        entry: [
          {
            id: SIM_SEED.page.id,
            time: at,
            messaging: [
              item({ account_linking: { status: 'linked', authorization_code: 'code-1' } }),
              item({ response_feedback: { mid: 'm.fb.feedback', feedback: 'Good response' } }),
            ],
          },
        ],
      });
      expect((await h.postSigned('/webhooks/facebook', body)).status).toBe(200);
      await h.settle();
      const rows = (await as('/api/webhook-events?limit=20')).body as WebhookEventListResponse;
      const row = rows.items.find((r) => r.eventCount === 2 && r.unsupportedCount === 2);
      expect(row?.status).toBe('unsupported');
      const detail = (await as(`/api/webhook-events/${row?.id}`)).body as WebhookEventDetailDto;
      expect(detail.items?.map((i) => [i.type, i.outcome])).toEqual([
        ['account_linking', 'unhandled'],
        ['response_feedback', 'unhandled'],
      ]);
      expect(detail.items?.[0].detail).toMatch(/no module applies account_linking/);
    });

    it('lists conversations newest first with search and cursor pagination', async () => {
      const all = (await as('/api/conversations?limit=100')).body as ConversationListResponse;
      const times = all.items.map((c) => c.lastMessageAt as string);
      expect([...times].sort().reverse()).toEqual(times);

      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await as(`/api/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        const page = res.body as ConversationListResponse;
        pages.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toEqual(all.items.map((c) => c.id));

      const byText = (await as('/api/conversations?search=austria')).body as ConversationListResponse;
      expect(byText.items.map((c) => c.contact.externalId)).toEqual([IG[0].igsid]);
      const byName = (await as(`/api/conversations?search=${encodeURIComponent('Lucía')}`)).body as ConversationListResponse;
      expect(byName.items.map((c) => c.contact.externalId)).toEqual([FB[3].psid]);
      expect((await as('/api/conversations?cursor=garbage')).status).toBe(400);
    });

    it('the admin API lists deliveries by status and shows the raw body; agents are refused', async () => {
      const list = (await as('/api/webhook-events?status=rejected')).body as WebhookEventListResponse;
      expect(list.items).toHaveLength(1);
      expect(list.counts.rejected).toBe(1);
      const detail = (await as(`/api/webhook-events/${list.items[0].id}`)).body as WebhookEventDetailDto;
      expect(detail.rawBody).toBe('{"object": "instagram", entry: [');

      // by channel and time, newest first, with a cursor
      const page = (await as(`/api/webhook-events?channel=${SIM_SEED.page.id}&limit=2`)).body as WebhookEventListResponse;
      expect(page.items).toHaveLength(2);
      expect(page.items.every((e) => e.channelExternalId === SIM_SEED.page.id)).toBe(true);
      expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
      const next = (await as(`/api/webhook-events?channel=${SIM_SEED.page.id}&limit=2&cursor=${page.nextCursor}`)).body as WebhookEventListResponse;
      expect(next.items[0].id).toBeLessThan(page.items[1].id);
      const future = (await as(`/api/webhook-events?from=${new Date(Date.now() + 60_000).toISOString()}`)).body as WebhookEventListResponse;
      expect(future.items).toEqual([]);
      expect((await as('/api/webhook-events?status=bogus')).status).toBe(400);
      const agent = await h.t.createUser(Role.AGENT);
      expect((await h.t.http.get('/api/webhook-events').set('Authorization', `Bearer ${agent.accessToken}`)).status).toBe(403);
      // agents read conversations within their scope (inbox-scope.int-spec.ts)
      expect((await h.t.http.get('/api/conversations').set('Authorization', `Bearer ${agent.accessToken}`)).status).toBe(200);
    });
  });
});
