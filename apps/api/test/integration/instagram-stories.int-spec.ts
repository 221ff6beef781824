import {
  ClientToServerEvents,
  ConversationListResponse,
  MessageDto,
  MessageEventPayload,
  MessageListResponse,
  ServerToClientEvents,
  StoryEventPayload,
  StoryExpiredEventPayload,
  WebhookEventDetailDto,
  WebhookEventListResponse,
} from '@ticklegram/domain-models';
import { SIM_SEED } from '@ticklegram/meta-sim';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { PassThroughMediaSources } from '../../src/modules/inbox/media/pass-through-media-sources';
import { StoryMediaService } from '../../src/modules/instagram/story-media.service';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

const IG = SIM_SEED.instagramCustomers;
type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Instagram's story messages end to end, owned by the instagram module: the simulator delivers signed
 * story mentions and story replies, `StoryMessagesApplier` has the inbox store them and announces
 * `story.received`; a mention's media is passed through by `StoryMediaService` (registered with the inbox's
 * `PassThroughMediaSources`), never stored, and `story.expired` goes out once Meta's link stops working.
 * Runs on SQLite, and on MySQL/MariaDB with TEST_DATABASE_URL.
 */
describe('Instagram stories (integration)', () => {
  let h: IngestionHarness;
  let socket: DashboardSocket;
  const heard: { event: string; payload: unknown }[] = [];
  const as = (path: string) => h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`);

  const messageByMid = async (customerExternalId: string, mid: string): Promise<MessageDto> => {
    const list = (await as('/api/conversations?limit=100')).body as ConversationListResponse;
    const conversation = list.items.find((c) => c.contact.externalId === customerExternalId);
    if (!conversation) throw new Error(`no conversation for ${customerExternalId}`);
    const items = ((await as(`/api/conversations/${conversation.id}/messages?limit=200`)).body as MessageListResponse).items;
    const found = items.find((m) => m.mid === mid);
    if (!found) throw new Error(`no message ${mid}`);
    return found;
  };
  const latestWebhookItems = async () => {
    const [row] = (await as('/api/webhook-events?limit=1')).body.items as WebhookEventListResponse['items'];
    return ((await as(`/api/webhook-events/${row.id}`)).body as WebhookEventDetailDto).items?.map((i) => [i.type, i.outcome]);
  };
  const heardFor = <P>(event: string, messageId: string) =>
    waitFor(async () => heard.find((e) => e.event === event && (e.payload as { messageId?: string }).messageId === messageId)?.payload as P, 5000, event);

  beforeAll(async () => {
    h = await startIngestionHarness();
    socket = io(h.t.url, { transports: ['websocket'], auth: { token: h.admin }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('session.ready', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('story.received', (payload) => heard.push({ event: 'story.received', payload }));
    socket.on('story.expired', (payload) => heard.push({ event: 'story.expired', payload }));
    socket.on('message.updated', (payload: MessageEventPayload) =>
      heard.push({ event: 'message.updated', payload: { messageId: payload.message.id, ...payload } }),
    );
  });
  afterAll(async () => {
    socket?.disconnect();
    await h?.close();
  });

  it('the instagram module registered its story media with the inbox (the inbox names no platform)', () => {
    expect(h.t.app.get(PassThroughMediaSources).sourceFor('story_mention')).toBe(h.t.app.get(StoryMediaService));
    expect(h.t.app.get(PassThroughMediaSources).sourceFor('image')).toBeUndefined();
  });

  it('a story mention is stored with its link but not its media, and announced as story.received', async () => {
    const { mid } = await h.control<{ mid: string }>(`/_sim/customers/${IG[1].igsid}/story-mention`, {});
    await h.settle();
    const message = await messageByMid(IG[1].igsid, mid);
    expect(message.kind).toBe('story_mention');
    expect(message.attachments[0]).toMatchObject({ type: 'story_mention', expired: false });
    expect(message.attachments[0].url).toContain(h.sim.url);
    expect(await latestWebhookItems()).toEqual([['ig_story_mention', 'applied']]);
    const received = await heardFor<StoryEventPayload>('story.received', message.id);
    expect(received).toEqual({ conversationId: message.conversationId, messageId: message.id, kind: 'mention', storyId: null });

    // passed through while the link works, never written to media storage
    const path = message.attachments[0].mediaPath as string;
    const live = await h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`);
    expect(live.status).toBe(200);
    expect(live.headers['cache-control']).toContain('no-store');
    expect(readdirSync(join(h.t.config.dataDir, 'media')).filter((f) => f.startsWith(message.id))).toEqual([]);
    expect(heard.some((e) => e.event === 'story.expired')).toBe(false);
  });

  it("when Meta's link stops working the mention is marked expired (410) and story.expired goes out once", async () => {
    const { mid } = await h.control<{ mid: string }>(`/_sim/customers/${IG[3].igsid}/story-mention`, {});
    await h.settle();
    const message = await messageByMid(IG[3].igsid, mid);
    await h.t.dataSource.query('UPDATE messages SET attachments = ? WHERE id = ?', [
      JSON.stringify([{ ...message.attachments[0], url: `${h.sim.url}/cdn/expired/story.png` }]),
      message.id,
    ]);
    const path = message.attachments[0].mediaPath as string;
    expect((await h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`)).status).toBe(410);
    expect((await messageByMid(IG[3].igsid, mid)).attachments[0]).toMatchObject({ expired: true, mediaPath: null });

    const expired = await heardFor<StoryExpiredEventPayload>('story.expired', message.id);
    expect(expired).toEqual({ conversationId: message.conversationId, messageId: message.id, kind: 'mention', storyId: null, attachmentIndex: 0 });
    // the inbox announces its message too, so open threads drop the media at once
    const updated = await heardFor<MessageEventPayload>('message.updated', message.id);
    expect(updated.message.attachments[0]).toMatchObject({ expired: true, mediaPath: null });

    // later views answer 410 from the stored flag, without asking Meta or announcing again
    expect((await h.t.http.get(path).set('Authorization', `Bearer ${h.admin}`)).status).toBe(410);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.filter((e) => e.event === 'story.expired' && (e.payload as StoryEventPayload).messageId === message.id)).toHaveLength(1);
  });

  it('a story reply is a message that keeps which story it answered, announced as story.received', async () => {
    const { mid } = await h.control<{ mid: string }>(`/_sim/customers/${IG[2].igsid}/messages`, { text: 'Where is this from?', storyId: SIM_SEED.media.story });
    await h.settle();
    const message = await messageByMid(IG[2].igsid, mid);
    expect(message).toMatchObject({ kind: 'message', text: 'Where is this from?', direction: 'inbound' });
    expect(message.replyToStory).toMatchObject({ id: SIM_SEED.media.story });
    expect(message.replyToStory?.url).toContain(h.sim.url);
    expect(await latestWebhookItems()).toEqual([['ig_story_reply', 'applied']]);
    const received = await heardFor<StoryEventPayload>('story.received', message.id);
    expect(received).toEqual({ conversationId: message.conversationId, messageId: message.id, kind: 'reply', storyId: SIM_SEED.media.story });
    // no passed-through media on a reply: the story link is Meta's, the inbox serves nothing for it
    expect(message.attachments.every((a) => a.mediaPath === null)).toBe(true);
  });

  it("Meta's retry of a story mention stores nothing new and announces nothing again", async () => {
    const { mid } = await h.control<{ mid: string }>(`/_sim/customers/${IG[0].igsid}/story-mention`, {});
    await h.settle();
    const message = await messageByMid(IG[0].igsid, mid);
    await heardFor('story.received', message.id);
    await h.control(`/_sim/customers/${IG[0].igsid}/redeliver`, {});
    await h.settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(await latestWebhookItems()).toEqual([['ig_story_mention', 'duplicate']]);
    expect(await h.count('SELECT COUNT(*) AS n FROM messages WHERE mid = ?', [mid])).toBe(1);
    expect(heard.filter((e) => e.event === 'story.received' && (e.payload as StoryEventPayload).messageId === message.id)).toHaveLength(1);
  });
});
