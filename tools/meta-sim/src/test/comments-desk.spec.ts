import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim, WebhookReceiver } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const IG = SIM_SEED.instagram.id;
const [JANE_IG, REEL_FAN, KAI] = SIM_SEED.instagramCustomers;
const [JANE_FB, MAX_FB] = SIM_SEED.messengerCustomers;

describe('meta-sim: comments desk (comments, replies, mentions, Live, ads, private replies)', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  const privateReply = (commentId: string, text = 'Sent you a DM'): Promise<{ status: number; body: Record<string, unknown> }> =>
    graph(sim, 'POST', `/v27.0/${PAGE.id}/messages`, PAGE.accessToken, { json: { recipient: { comment_id: commentId }, message: { text } } });

  beforeAll(async () => {
    hooks = await new WebhookReceiver().start();
    sim = await startTestSim({ webhooks: { instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` } });
  });
  beforeEach(async () => {
    sim.reset();
    sim.setWebhookUrls({ instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` });
    await sim.flushWebhooks(); // deliveries already on the wire when the previous test ended
    hooks.received.length = 0;
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });

  it('seeds a living desk: ads, a Live on air, a story with comments; ads and Live stay out of /media', async () => {
    const live = await graph<{ data: Array<{ id: string }> }>(sim, 'GET', `/v27.0/${IG}/live_media`, PAGE.accessToken);
    expect(live.body.data.map((m) => m.id)).toEqual([SIM_SEED.media.live]);
    const story = await graph<{ data: Array<{ id: string; text: string }> }>(sim, 'GET', `/v27.0/${SIM_SEED.media.story}/comments`, PAGE.accessToken);
    expect(story.body.data.map((c) => c.id)).toEqual([SIM_SEED.igComments.onStory]);
    const ad = await graph(sim, 'GET', `/v27.0/${SIM_SEED.media.ad}`, PAGE.accessToken, { query: { fields: 'media_product_type,comments_count' } });
    expect(ad.body).toMatchObject({ media_product_type: 'AD', comments_count: 2 });
    const adsPosts = await graph<{ data: Array<{ id: string; is_published: boolean; promotion_status: string }> }>(
      sim,
      'GET',
      `/v27.0/${PAGE.id}/ads_posts`,
      PAGE.accessToken,
      { query: { fields: 'id,is_published,promotion_status' } },
    );
    expect(adsPosts.body.data).toEqual([{ id: SIM_SEED.posts.ad, is_published: false, promotion_status: 'active' }]);
    const feed = await graph<{ data: Array<{ id: string }> }>(sim, 'GET', `/v27.0/${PAGE.id}/feed`, PAGE.accessToken);
    expect(feed.body.data.map((p) => p.id)).not.toContain(SIM_SEED.posts.ad);
    const ads = await control<{ data: Array<{ id: string; campaign: { name: string } }> }>(sim, 'GET', '/ads');
    expect(ads.body.data.map((a) => a.id)).toEqual([SIM_SEED.ads.springSale.id, SIM_SEED.ads.springDrop.id, SIM_SEED.ads.freeShipping.id]);
  });

  it('sends ad_id / ad_title on Instagram ad comments, live_comments during a Live, promotion_status on Facebook ad comments', async () => {
    await control(sim, 'POST', `/customers/${JANE_IG.igsid}/comments`, { objectId: SIM_SEED.media.ad, text: 'Price?' });
    await control(sim, 'POST', `/customers/${KAI.igsid}/comments`, { objectId: SIM_SEED.media.live, text: 'Show the hood!' });
    await control(sim, 'POST', `/customers/${JANE_FB.psid}/comments`, { objectId: SIM_SEED.posts.ad, text: 'Blue in M?' });
    await sim.flushWebhooks();
    const changes = hooks.changes();
    expect(changes.find((c) => c.value['text'] === 'Price?')).toEqual({
      field: 'comments',
      value: {
        from: { id: JANE_IG.igsid, username: JANE_IG.username },
        media: { id: SIM_SEED.media.ad, media_product_type: 'AD', ad_id: SIM_SEED.ads.springDrop.id, ad_title: 'Spring drop' },
        id: expect.any(String),
        text: 'Price?',
      },
    });
    expect(changes.find((c) => c.value['text'] === 'Show the hood!')).toMatchObject({
      field: 'live_comments',
      value: { media: { id: SIM_SEED.media.live, media_product_type: 'LIVE' } },
    });
    expect(changes.find((c) => c.value['message'] === 'Blue in M?')).toMatchObject({
      field: 'feed',
      value: { item: 'comment', verb: 'add', post: { id: SIM_SEED.posts.ad, is_published: false, promotion_status: 'active' } },
    });
  });

  it('threads replies one level deep; Facebook authors edit and remove (feed edited/remove), Instagram comments cannot be edited', async () => {
    const reply = await control<{ id: string }>(sim, 'POST', `/customers/${KAI.igsid}/comments`, {
      objectId: SIM_SEED.media.restock,
      text: 'Thanks!',
      parentId: '18000000000000211',
    });
    expect((await control(sim, 'POST', `/comments/${reply.body.id}/edit`, { text: 'x' })).status).toBe(400);
    const fb = await control<{ id: string }>(sim, 'POST', `/customers/${MAX_FB.psid}/comments`, { objectId: SIM_SEED.posts.umbrellas, text: 'Any update?' });
    await control(sim, 'POST', `/comments/${fb.body.id}/edit`, { text: 'Any update on my refund?' });
    await control(sim, 'POST', `/comments/${fb.body.id}/delete`);
    await sim.flushWebhooks();
    expect(hooks.changes().find((c) => c.value['id'] === reply.body.id)?.value['parent_id']).toBe(SIM_SEED.igComments.onRestock);
    const fbVerbs = hooks
      .changes()
      .filter((c) => c.value['comment_id'] === fb.body.id)
      .map((c) => [c.value['verb'], c.value['message']]);
    expect(fbVerbs).toEqual([
      ['add', 'Any update?'],
      ['edited', 'Any update on my refund?'],
      ['remove', undefined],
    ]);
  });

  it('mentions: Instagram caption and comment (mentions webhook + mentioned_media / mentioned_comment), Facebook post and comment (mention)', async () => {
    const caption = await control<{ mediaId: string }>(sim, 'POST', `/customers/${REEL_FAN.igsid}/mentions`, { caption: 'New jacket from @example.store 😍' });
    const inComment = await control<{ mediaId: string; commentId: string }>(sim, 'POST', `/customers/${REEL_FAN.igsid}/mentions`, {
      commentText: '@example.store do you ship to Italy?',
    });
    const fbPost = await control<{ postId: string }>(sim, 'POST', `/customers/${JANE_FB.psid}/mentions`, {});
    const fbComment = await control<{ postId: string; commentId: string }>(sim, 'POST', `/customers/${JANE_FB.psid}/mentions`, {
      commentText: 'Thanks Example Store!',
    });
    await sim.flushWebhooks();
    const mentions = hooks
      .changes()
      .filter((c) => c.field === 'mentions')
      .map((c) => c.value);
    expect(mentions).toEqual([{ media_id: caption.body.mediaId }, { comment_id: inComment.body.commentId, media_id: inComment.body.mediaId }]);
    const media = await graph(sim, 'GET', `/v27.0/${IG}`, PAGE.accessToken, {
      query: { fields: `mentioned_media.media_id(${caption.body.mediaId}){caption,username}` },
    });
    expect(media.body).toMatchObject({ mentioned_media: { caption: 'New jacket from @example.store 😍', username: REEL_FAN.username } });
    const comment = await graph(sim, 'GET', `/v27.0/${IG}`, PAGE.accessToken, {
      query: { fields: `mentioned_comment.comment_id(${inComment.body.commentId}){text}` },
    });
    expect(comment.body).toMatchObject({ mentioned_comment: { text: '@example.store do you ship to Italy?' } });
    const fb = hooks
      .changes()
      .filter((c) => c.field === 'mention')
      .map((c) => c.value);
    expect(fb).toEqual([
      expect.objectContaining({ item: 'post', verb: 'add', post_id: fbPost.body.postId, sender_id: JANE_FB.feedUserId, sender_name: JANE_FB.name }),
      expect.objectContaining({
        item: 'comment',
        verb: 'add',
        post_id: fbComment.body.postId,
        comment_id: fbComment.body.commentId,
        message: 'Thanks Example Store!',
      }),
    ]);
    expect((await graph(sim, 'GET', `/v27.0/${fbPost.body.postId}`, PAGE.accessToken)).status).toBe(200);
  });

  it('private replies reach commenters without a thread (new PSID on Facebook) and they can answer in DMs', async () => {
    const anna = SIM_SEED.commenters.anna;
    const res = await privateReply(SIM_SEED.igComments.onLive, 'Hi Anna, here is the link');
    expect(res.body).toEqual({ recipient_id: anna.igsid, message_id: expect.any(String) });
    const thread = await control<{ messages: Array<{ text: string; privateReplyToComment?: { text: string } }> }>(
      sim,
      'GET',
      `/customers/${anna.igsid}/conversation`,
    );
    expect(thread.body.messages).toEqual([
      expect.objectContaining({ text: 'Hi Anna, here is the link', privateReplyToComment: expect.objectContaining({ text: 'Hi from Vienna 👋' }) }),
    ]);
    await control(sim, 'POST', `/customers/${anna.igsid}/messages`, { text: 'Thank you!' });
    const tom = await privateReply('998877665544_900000000000021', 'It is 89 €');
    const tomCustomer = await control<{ id: string; feedUserId: string }>(sim, 'GET', `/customers/${String(tom.body['recipient_id'])}`);
    expect(tomCustomer.body).toMatchObject({ feedUserId: SIM_SEED.commenters.tom.feedUserId });
    await sim.flushWebhooks();
    expect(hooks.messaging().map((m) => (m['message'] as { text?: string } | undefined)?.text)).toEqual(
      expect.arrayContaining(['Hi Anna, here is the link', 'Thank you!']),
    );
  });

  it('private-reply rules: stories and ads allowed, Live only while on air, business comments refused, 750/hour', async () => {
    expect((await privateReply(SIM_SEED.igComments.onStory)).status).toBe(200);
    expect((await privateReply(SIM_SEED.igComments.onAd)).status).toBe(200);
    expect((await privateReply(SIM_SEED.igComments.businessReply)).body).toMatchObject({ error: { code: 100, error_subcode: 2534025 } });
    await control(sim, 'POST', `/lives/${SIM_SEED.media.live}/end`);
    expect((await privateReply(SIM_SEED.igComments.onLive)).body).toMatchObject({ error: { code: 100, error_subcode: 2534025 } });
    expect((await control(sim, 'POST', `/customers/${KAI.igsid}/comments`, { objectId: SIM_SEED.media.live, text: 'late' })).status).toBe(400);
    const live = await control<{ id: string }>(sim, 'POST', '/lives', { caption: 'Q&A' });
    expect((await graph<{ data: Array<{ id: string }> }>(sim, 'GET', `/v27.0/${IG}/live_media`, PAGE.accessToken)).body.data.map((m) => m.id)).toEqual([
      live.body.id,
    ]);

    await control(sim, 'POST', '/settings', { privateRepliesPerHour: 3 });
    expect((await privateReply(SIM_SEED.igComments.unanswered)).status).toBe(200);
    expect((await privateReply(SIM_SEED.igComments.spam)).body).toMatchObject({ error: { code: 613, error_subcode: 2534040 } });
    expect((await privateReply(SIM_SEED.fbComments.complaint)).status).toBe(200); // the Page has its own budget
  });

  it('shows business moderation to the author: hidden stays visible to them, deletion is recorded as by the business', async () => {
    await graph(sim, 'POST', `/v27.0/${SIM_SEED.igComments.unanswered}`, PAGE.accessToken, { query: { hide: 'true' } });
    await graph(sim, 'DELETE', `/v27.0/${SIM_SEED.fbComments.complaint}`, PAGE.accessToken);
    const comments = await control<{ data: Array<{ id: string; hidden: boolean; deleted: boolean; deletedBy?: string }> }>(sim, 'GET', '/comments');
    expect(comments.body.data.find((c) => c.id === SIM_SEED.igComments.unanswered)).toMatchObject({ hidden: true, deleted: false });
    expect(comments.body.data.find((c) => c.id === SIM_SEED.fbComments.complaint)).toMatchObject({ deleted: true, deletedBy: 'business' });
  });
});
