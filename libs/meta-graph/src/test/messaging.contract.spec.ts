import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { MetaGraphClient, MetaGraphError, SendTarget, SendValidationError } from '../index';
import { clearSimRequests, control, simClient, simRequests } from './sim-harness';

interface SimConversationMessage {
  mid: string;
  direction: string;
  text?: string;
  tag?: string;
  messagingType?: string;
  replyToMid?: string;
  quickReplies?: { title?: string; payload?: string }[];
  attachments: { type: string; url?: string; attachmentId?: string }[];
  templateName?: string;
  reactions: Record<string, { reaction: string }>;
  privateReplyTo?: string;
}

const [jane, max, aiko] = SIM_SEED.messengerCustomers;
const [igJane, reelFan, kai] = SIM_SEED.instagramCustomers;
const [studioClient] = SIM_SEED.instagramLoginCustomers;

describe('Send API against the Meta simulator', () => {
  let sim: RunningMetaSim;
  let client: MetaGraphClient;
  let messenger: SendTarget;
  let instagram: SendTarget;
  let igLogin: SendTarget;

  const conversation = async (customerId: string): Promise<SimConversationMessage[]> =>
    (await control<{ messages: SimConversationMessage[] }>(sim, 'GET', `/customers/${customerId}/conversation`)).messages;
  const sample = (name: string): string => `${sim.url}/cdn/samples/${name}`;
  const lastBody = async (): Promise<Record<string, unknown>> => {
    const reqs = await simRequests(sim, '/messages');
    return reqs[reqs.length - 1]?.params ?? {};
  };

  beforeAll(async () => {
    sim = await startMetaSim({ port: 0 });
    client = simClient(sim).client;
    const page = { accessToken: SIM_SEED.page.accessToken };
    messenger = { auth: page, senderId: SIM_SEED.page.id, platform: 'messenger' };
    instagram = { auth: page, senderId: SIM_SEED.page.id, platform: 'instagram' };
    igLogin = { auth: { accessToken: SIM_SEED.instagramLogin.accessToken, host: 'instagram' }, senderId: 'me', platform: 'instagram' };
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });
  beforeEach(() => clearSimRequests(sim));

  it('sends Messenger text inside the window as RESPONSE', async () => {
    const res = await client.messaging.sendText(messenger, jane.psid, 'Hi Jane');
    expect(res).toEqual({ recipient_id: jane.psid, message_id: expect.any(String) });
    expect(await lastBody()).toMatchObject({ recipient: { id: jane.psid }, messaging_type: 'RESPONSE', message: { text: 'Hi Jane' } });
    const sent = (await conversation(jane.psid)).find((m) => m.mid === res.message_id);
    expect(sent).toMatchObject({ direction: 'outbound', text: 'Hi Jane', messagingType: 'RESPONSE' });
  });

  it('fails outside the 24 h window with the outside-window classification (Messenger 10/2018278)', async () => {
    const error = (await client.messaging.sendText(messenger, max.psid, 'Late reply').catch((e: unknown) => e)) as MetaGraphError;
    expect(error).toBeInstanceOf(MetaGraphError);
    expect(error.kind).toBe('outside_window');
    expect([error.code, error.subcode]).toEqual([10, 2018278]);
    expect(error.userMessage).toContain("hasn't messaged in over 24 hours");
    expect(await simRequests(sim, '/messages')).toHaveLength(1);
  });

  it('succeeds with HUMAN_AGENT inside 7 days', async () => {
    const res = await client.messaging.sendText(messenger, max.psid, 'A human here', { tag: 'HUMAN_AGENT' });
    expect(res.message_id).toBeTruthy();
    expect(await lastBody()).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect((await conversation(max.psid)).find((m) => m.mid === res.message_id)).toMatchObject({ tag: 'HUMAN_AGENT', messagingType: 'MESSAGE_TAG' });
  });

  it('HUMAN_AGENT after 7 days is still outside the window', async () => {
    const error = (await client.messaging.sendText(messenger, aiko.psid, 'Too late', { tag: 'HUMAN_AGENT' }).catch((e: unknown) => e)) as MetaGraphError;
    expect(error.kind).toBe('outside_window');
  });

  it('moving the sim clock closes the window', async () => {
    await control(sim, 'POST', `/customers/${jane.psid}/clock`, { lastCustomerMessageHoursAgo: 25 });
    const error = (await client.messaging.sendText(messenger, jane.psid, 'after a day').catch((e: unknown) => e)) as MetaGraphError;
    expect(error.kind).toBe('outside_window');
    await control(sim, 'POST', `/customers/${jane.psid}/clock`, { lastCustomerMessageHoursAgo: 1 });
  });

  it('Instagram via the Page: outside window is 10/2534022 and HUMAN_AGENT works', async () => {
    const error = (await client.messaging.sendText(instagram, reelFan.igsid, 'late').catch((e: unknown) => e)) as MetaGraphError;
    expect(error.kind).toBe('outside_window');
    expect(error.subcode).toBe(2534022);
    expect(error.userMessage).toContain('Instagram');
    const ok = await client.messaging.sendText(instagram, reelFan.igsid, 'human reply', { tag: 'HUMAN_AGENT' });
    expect(ok.recipient_id).toBe(reelFan.igsid);
    const stale = (await client.messaging.sendText(instagram, kai.igsid, 'x', { tag: 'HUMAN_AGENT' }).catch((e: unknown) => e)) as MetaGraphError;
    expect(stale.kind).toBe('outside_window');
  });

  it('sends attachments by URL, saves them for reuse, and re-sends by attachment_id', async () => {
    const first = await client.messaging.sendAttachment(messenger, jane.psid, 'image', { url: sample('photo-1.png'), isReusable: true });
    expect(first.attachment_id).toBeTruthy();
    expect(await lastBody()).toMatchObject({ message: { attachment: { type: 'image', payload: { url: sample('photo-1.png'), is_reusable: true } } } });
    const again = await client.messaging.sendAttachment(messenger, jane.psid, 'image', { attachmentId: first.attachment_id as string });
    expect(again.message_id).toBeTruthy();
    expect(await lastBody()).toMatchObject({ message: { attachment: { type: 'image', payload: { attachment_id: first.attachment_id } } } });
    const video = await client.messaging.sendAttachment(instagram, igJane.igsid, 'video', { url: sample('clip.mp4') });
    expect(video.message_id).toBeTruthy();
  });

  it('pre-uploads an Instagram attachment and sends several images in one message', async () => {
    const upload = await client.messaging.uploadAttachment(instagram, { type: 'image', url: sample('photo-2.png'), platform: 'instagram' });
    expect(upload.attachment_id).toMatch(/^\d+$/);
    const [req] = await simRequests(sim, '/message_attachments');
    expect(req?.params).toMatchObject({
      platform: 'instagram',
      message: { attachment: { type: 'image', payload: { url: sample('photo-2.png'), is_reusable: true } } },
    });
    const res = await client.messaging.sendImages(instagram, igJane.igsid, [{ url: sample('photo-1.png') }, { attachmentId: upload.attachment_id }]);
    const sent = (await conversation(igJane.igsid)).find((m) => m.mid === res.message_id);
    expect(sent?.attachments).toHaveLength(2);
  });

  it('sends the Instagram heart sticker, a reply_to, and quick replies', async () => {
    const heart = await client.messaging.sendLikeHeart(instagram, igJane.igsid);
    expect(await lastBody()).toMatchObject({ message: { attachment: { type: 'like_heart' } } });
    const reply = await client.messaging.sendText(instagram, igJane.igsid, 'replying to that', { replyToMid: heart.message_id });
    expect(await lastBody()).toMatchObject({ reply_to: { mid: heart.message_id } });
    expect((await conversation(igJane.igsid)).find((m) => m.mid === reply.message_id)?.replyToMid).toBe(heart.message_id);
    const qr = await client.messaging.sendQuickReplies(messenger, jane.psid, 'Pick one', [
      { content_type: 'text', title: 'Yes', payload: 'YES' },
      { content_type: 'text', title: 'No', payload: 'NO' },
    ]);
    expect((await conversation(jane.psid)).find((m) => m.mid === qr.message_id)?.quickReplies).toHaveLength(2);
  });

  it("shares one of the business's own posts on Instagram (MEDIA_SHARE)", async () => {
    const res = await client.messaging.sendMediaShare(instagram, igJane.igsid, SIM_SEED.media.post);
    expect(res.message_id).toBeTruthy();
    expect(await lastBody()).toMatchObject({ message: { attachment: { type: 'MEDIA_SHARE', payload: { id: SIM_SEED.media.post } } } });
    const foreign = (await client.messaging.sendMediaShare(instagram, igJane.igsid, SIM_SEED.media.mentioned).catch((e: unknown) => e)) as MetaGraphError;
    expect(foreign.kind).toBe('invalid_request');
  });

  it('rejects a message that breaks documented limits before calling Meta', async () => {
    const tooMany = Array.from({ length: 14 }, (_, i) => ({ content_type: 'text' as const, title: `o${i}`, payload: `p${i}` }));
    await expect(client.messaging.sendQuickReplies(messenger, jane.psid, 'x', tooMany)).rejects.toBeInstanceOf(SendValidationError);
    await expect(client.messaging.sendText(instagram, igJane.igsid, 'é'.repeat(501))).rejects.toBeInstanceOf(SendValidationError);
    expect(await simRequests(sim, '/messages')).toHaveLength(0);
  });

  it('refuses Instagram phone-number / email quick replies (disabled 2026-10-05) with a plain reason; Messenger keeps them', async () => {
    for (const content_type of ['user_phone_number', 'user_email'] as const) {
      for (const target of [instagram, igLogin]) {
        const error = (await client.messaging
          .sendQuickReplies(target, igJane.igsid, 'Your number?', [{ content_type }])
          .catch((e: unknown) => e)) as SendValidationError;
        expect(error).toBeInstanceOf(SendValidationError);
        expect(error.problems.join(' ')).toMatch(/Instagram stopped offering (phone-number|email) quick replies on 5 October 2026/);
      }
    }
    expect(await simRequests(sim, '/messages')).toHaveLength(0);
    const ok = await client.messaging.sendQuickReplies(messenger, jane.psid, 'Your email?', [{ content_type: 'user_email' }]);
    expect(ok.message_id).toBeTruthy();
  });

  it('reacts, unreacts and sends sender actions', async () => {
    const inbound = await control<{ mid: string }>(sim, 'POST', `/customers/${igJane.igsid}/messages`, { text: 'love this' });
    const react = await client.messaging.react(instagram, igJane.igsid, inbound.mid);
    expect(react).toEqual({ recipient_id: igJane.igsid });
    expect(await lastBody()).toEqual(
      expect.objectContaining({ recipient: { id: igJane.igsid }, sender_action: 'react', payload: { message_id: inbound.mid, reaction: 'love' } }),
    );
    expect((await conversation(igJane.igsid)).find((m) => m.mid === inbound.mid)?.reactions[SIM_SEED.instagram.id]?.reaction).toBe('love');
    await client.messaging.unreact(instagram, igJane.igsid, inbound.mid);
    expect((await conversation(igJane.igsid)).find((m) => m.mid === inbound.mid)?.reactions[SIM_SEED.instagram.id]).toBeUndefined();
    for (const action of ['typing_on', 'typing_off', 'mark_seen'] as const) {
      expect(await client.messaging.senderAction(messenger, jane.psid, action)).toEqual({ recipient_id: jane.psid });
      expect(await lastBody()).not.toHaveProperty('message');
    }
  });

  it('sends a private reply to an Instagram comment once; the second is refused and not retried', async () => {
    const res = await client.messaging.sendPrivateReply(instagram, { commentId: SIM_SEED.igComments.onPost }, { text: 'Sent you a DM!' });
    expect(res.recipient_id).toBe(igJane.igsid);
    expect(await lastBody()).toEqual(expect.objectContaining({ recipient: { comment_id: SIM_SEED.igComments.onPost }, message: { text: 'Sent you a DM!' } }));
    expect(await lastBody()).not.toHaveProperty('messaging_type');
    const again = (await client.messaging
      .sendPrivateReply(instagram, { commentId: SIM_SEED.igComments.onPost }, { text: 'again' })
      .catch((e: unknown) => e)) as MetaGraphError;
    expect(again.kind).toBe('invalid_request');
    const old = (await client.messaging
      .sendPrivateReply(instagram, { commentId: SIM_SEED.igComments.old }, { text: 'old' })
      .catch((e: unknown) => e)) as MetaGraphError;
    expect(old.kind).toBe('invalid_request');
    expect(old.userMessage).toMatch(/7 days/);
    expect(await simRequests(sim, '/messages')).toHaveLength(3);
  });

  it('sends a Facebook private reply to a post comment', async () => {
    const res = await client.messaging.sendPrivateReply(messenger, { commentId: SIM_SEED.fbComments.onStatus }, { text: 'Check your inbox' });
    expect(res.message_id).toBeTruthy();
  });

  it('sends an approved utility template by name + language + parameters, even outside the window', async () => {
    const templates = await client.templates.listTemplates({ accessToken: SIM_SEED.page.accessToken }, SIM_SEED.page.id, {
      name: SIM_SEED.templates.approved.name,
    });
    const body = templates.data[0]?.components?.find((c) => c.type === 'BODY');
    const count = body && 'text' in body ? (body.text.match(/\{\{[^}]+\}\}/g) ?? []).length : 0;
    const res = await client.messaging.sendUtilityTemplate(messenger, aiko.psid, {
      name: SIM_SEED.templates.approved.name,
      languageCode: SIM_SEED.templates.approved.language,
      components: [{ type: 'body', parameters: Array.from({ length: count }, (_, i) => ({ type: 'text' as const, text: `v${i + 1}` })) }],
    });
    expect(res.message_id).toBeTruthy();
    expect(await lastBody()).toMatchObject({
      messaging_type: 'UTILITY',
      message: { template: { name: SIM_SEED.templates.approved.name, language: { code: 'en_US' } } },
    });
    expect((await conversation(aiko.psid)).find((m) => m.mid === res.message_id)?.templateName).toBe(SIM_SEED.templates.approved.name);
    const pending = (await client.messaging
      .sendUtilityTemplate(messenger, aiko.psid, { name: SIM_SEED.templates.pending.name, languageCode: 'en_US' })
      .catch((e: unknown) => e)) as MetaGraphError;
    expect(pending.kind).toBe('invalid_request');
  });

  it('sends with Instagram Login on graph.instagram.com with a Bearer token', async () => {
    const res = await client.messaging.sendText(igLogin, studioClient.igsid, 'Hello from Instagram Login');
    expect(res.recipient_id).toBe(studioClient.igsid);
    const [req] = await simRequests(sim, '/messages');
    expect(req?.host).toBe('instagram');
    expect(req?.path).toBe('/me/messages');
    expect(req?.params['access_token']).toBeUndefined();
  });
});
