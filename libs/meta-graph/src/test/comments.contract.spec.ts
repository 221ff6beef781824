import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { GraphAuth, MetaGraphClient, MetaGraphError, collect } from '../index';
import { clearSimRequests, control, simClient, simRequests } from './sim-harness';

describe('Comments, media and feed against the Meta simulator', () => {
  let sim: RunningMetaSim;
  let client: MetaGraphClient;
  const page: GraphAuth = { accessToken: SIM_SEED.page.accessToken };
  const igId = SIM_SEED.instagram.id;

  beforeAll(async () => {
    sim = await startMetaSim({ port: 0 });
    client = simClient(sim).client;
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });
  beforeEach(() => clearSimRequests(sim));

  describe('Instagram', () => {
    it('lists media with comments and their replies', async () => {
      const page1 = await client.comments.listInstagramMedia(page, igId, { withComments: true });
      const post = page1.data.find((m) => m.id === SIM_SEED.media.post);
      expect(post).toMatchObject({ id: SIM_SEED.media.post, media_type: expect.any(String), permalink: expect.any(String) });
      const comment = post?.comments?.data.find((c) => c.id === SIM_SEED.igComments.onPost);
      expect(comment).toMatchObject({ text: expect.any(String), username: 'jane.example' });
      expect(comment?.replies?.data.map((r) => r.id)).toContain(SIM_SEED.igComments.businessReply);
      const [req] = await simRequests(sim, `/${igId}/media`);
      expect(String(req?.params['fields'])).toContain('comments.limit(50){');
    });

    it('iterates every media item across pages with cursor pagination', async () => {
      const all = await collect(client.comments.iterateInstagramMedia(page, igId, { limit: 1 }));
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
      const reqs = await simRequests(sim, `/${igId}/media`);
      expect(reqs.length).toBeGreaterThanOrEqual(all.length);
      expect(reqs[1]?.params['after']).toBeTruthy();
    });

    it('reads one media item', async () => {
      const media = await client.comments.getInstagramMedia(page, SIM_SEED.media.reel);
      expect(media).toMatchObject({ id: SIM_SEED.media.reel, media_product_type: 'REELS' });
    });

    it('iterates comments of a media item', async () => {
      const all = await collect(client.comments.iterateInstagramComments(page, SIM_SEED.media.post, { limit: 1 }));
      expect(all.map((c) => c.id)).toContain(SIM_SEED.igComments.onPost);
    });

    it('lists comments and replies of one media item and reads one comment in detail', async () => {
      const comments = await client.comments.listInstagramComments(page, SIM_SEED.media.post);
      expect(comments.data.map((c) => c.id)).toContain(SIM_SEED.igComments.onPost);
      const replies = await client.comments.listInstagramReplies(page, SIM_SEED.igComments.onPost);
      expect(replies.data.map((r) => r.id)).toContain(SIM_SEED.igComments.businessReply);
      const detail = await client.comments.getInstagramComment(page, SIM_SEED.igComments.onPost);
      expect(detail).toMatchObject({ id: SIM_SEED.igComments.onPost, from: { id: SIM_SEED.instagramCustomers[0].igsid }, media: { id: SIM_SEED.media.post } });
    });

    it('replies, creates, hides, unhides and deletes comments', async () => {
      const reply = await client.comments.replyToInstagramComment(page, SIM_SEED.igComments.onReel, 'Thanks!');
      expect(reply.id).toMatch(/^\d+$/);
      expect((await simRequests(sim, `/${SIM_SEED.igComments.onReel}/replies`))[0]?.params['message']).toBe('Thanks!');
      const created = await client.comments.createInstagramComment(page, SIM_SEED.media.post, 'New drop on Friday');
      expect(created.id).toBeTruthy();
      expect(await client.comments.hideInstagramComment(page, SIM_SEED.igComments.onReel)).toEqual({ success: true });
      expect((await client.comments.getInstagramComment(page, SIM_SEED.igComments.onReel)).hidden).toBe(true);
      await client.comments.unhideInstagramComment(page, SIM_SEED.igComments.onReel);
      expect((await client.comments.getInstagramComment(page, SIM_SEED.igComments.onReel)).hidden).toBe(false);
      expect(await client.comments.deleteInstagramComment(page, reply.id)).toEqual({ success: true });
      const gone = (await client.comments.getInstagramComment(page, reply.id).catch((e: unknown) => e)) as MetaGraphError;
      expect(gone.kind).toBe('invalid_request');
    });

    it('reads media the account was mentioned in', async () => {
      const media = await client.comments.getMentionedMedia(page, igId, SIM_SEED.media.mentioned);
      expect(media).toMatchObject({ id: SIM_SEED.media.mentioned, caption: expect.stringContaining('@example.store') });
      const [req] = await simRequests(sim, `/${igId}`);
      expect(String(req?.params['fields'])).toMatch(/^mentioned_media\.media_id\(\d+\)\{/);
      const mention = await control<{ mediaId: string; commentId: string }>(sim, 'POST', '/mentions', {
        username: 'reel.fan',
        commentText: 'Ask @example.store!',
      });
      const comment = await client.comments.getMentionedComment(page, igId, mention.commentId);
      expect(comment).toMatchObject({ id: mention.commentId, text: 'Ask @example.store!' });
      const tagged = await client.comments.listTaggedMedia(page, igId);
      expect(tagged.data.map((m) => m.id)).toContain(SIM_SEED.media.mentioned);
    });
  });

  describe('Facebook', () => {
    it('reads the feed with two levels of comments', async () => {
      const feed = await client.comments.getPageFeedWithComments(page, SIM_SEED.page.id);
      const photo = feed.data.find((p) => p.id === SIM_SEED.posts.photo);
      const comment = photo?.comments?.data.find((c) => c.id === SIM_SEED.fbComments.onPhoto);
      expect(comment).toMatchObject({ message: expect.any(String), from: { id: expect.any(String) } });
      expect(comment?.comments?.data.map((c) => c.id)).toContain(SIM_SEED.fbComments.pageReply);
    });

    it("iterates the feed and a post's comments across pages", async () => {
      const posts = await collect(client.comments.iteratePageFeed(page, SIM_SEED.page.id, { limit: 1 }));
      expect(posts.map((p) => p.id)).toEqual(expect.arrayContaining([SIM_SEED.posts.photo, SIM_SEED.posts.status]));
      const comments = await collect(client.comments.iteratePostComments(page, SIM_SEED.posts.photo, { limit: 1 }));
      expect(comments.map((c) => c.id)).toContain(SIM_SEED.fbComments.onPhoto);
    });

    it('lists posts, post comments and comment replies', async () => {
      const posts = await client.comments.listPagePosts(page, SIM_SEED.page.id);
      expect(posts.data.map((p) => p.id)).toEqual(expect.arrayContaining([SIM_SEED.posts.photo, SIM_SEED.posts.status]));
      const comments = await client.comments.listPostComments(page, SIM_SEED.posts.photo);
      expect(comments.data.map((c) => c.id)).toContain(SIM_SEED.fbComments.onPhoto);
      const [req] = await simRequests(sim, `/${SIM_SEED.posts.photo}/comments`);
      expect(req?.params).toMatchObject({ filter: 'toplevel', order: 'reverse_chronological' });
      const replies = await client.comments.listFacebookCommentReplies(page, SIM_SEED.fbComments.onPhoto);
      expect(replies.data.map((c) => c.id)).toContain(SIM_SEED.fbComments.pageReply);
    });

    it('replies to, hides and deletes a Facebook comment', async () => {
      const reply = await client.comments.replyToFacebookComment(page, SIM_SEED.fbComments.onStatus, 'We are on it');
      expect(reply.id).toContain('_');
      expect(await client.comments.setFacebookCommentHidden(page, SIM_SEED.fbComments.onStatus, true)).toEqual({ success: true });
      const hideCall = (await simRequests(sim, `/${SIM_SEED.fbComments.onStatus}`)).find(
        (r) => r.method === 'POST' && r.path === `/${SIM_SEED.fbComments.onStatus}`,
      );
      expect(hideCall?.params['is_hidden']).toBe(true);
      expect((await client.comments.getFacebookComment(page, SIM_SEED.fbComments.onStatus)).is_hidden).toBe(true);
      expect(await client.comments.deleteFacebookComment(page, reply.id)).toEqual({ success: true });
    });
  });
});
