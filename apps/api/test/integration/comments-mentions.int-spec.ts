import { SIM_SEED } from '@ticklegram/meta-sim';
import { CommentDto, CommentListResponse } from '@ticklegram/domain-models';
import { CommentEnricher } from '../../src/modules/comments/ingestion/comment-enricher';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

jest.setTimeout(120_000);

const seed = SIM_SEED as unknown as {
  instagramCustomers: { igsid: string; username: string }[];
  messengerCustomers: { psid: string; name: string }[];
  posts: Record<string, string>;
  media: Record<string, string>;
};

describe('comments desk: mentions, Facebook edits and removals, Live comments (SQLite, or MariaDB with TEST_DATABASE_URL)', () => {
  let h: IngestionHarness;
  const list = async (query: string): Promise<CommentDto[]> => {
    const res = await h.t.http.get(`/api/comments?${query}`).set('Authorization', `Bearer ${h.admin}`);
    expect(res.status).toBe(200);
    return (res.body as CommentListResponse).items;
  };

  beforeAll(async () => {
    h = await startIngestionHarness({ COMMENTS_BACKFILL_ON_CONNECT: 'false' });
  });
  afterAll(async () => h?.close());

  it('stores Instagram caption and comment mentions with the text read from Graph', async () => {
    const customer = seed.instagramCustomers[0] as { igsid: string; username: string };
    const caption = await h.control<{ mediaId: string }>(`/_sim/customers/${customer.igsid}/mentions`, { caption: 'Best jacket ever, thanks @example.store!' });
    const inComment = await h.control<{ commentId: string }>(`/_sim/customers/${customer.igsid}/mentions`, { commentText: 'Ask @example.store about sizes' });
    await h.settle();
    await h.t.app.get(CommentEnricher).idle();
    const mentions = await waitFor(
      async () => {
        const items = await list('kind=mention&status=all');
        return items.filter((c) => c.text).length >= 2 ? items : null;
      },
      10_000,
      'the mentions and their text',
    );
    expect(mentions.find((c) => c.externalId === `mention:${caption.mediaId}`)).toMatchObject({
      kind: 'mention',
      text: 'Best jacket ever, thanks @example.store!',
      status: 'needs_reply',
    });
    expect(mentions.find((c) => c.externalId === inComment.commentId)).toMatchObject({
      kind: 'mention',
      text: 'Ask @example.store about sizes',
      author: { username: customer.username },
    });
  });

  it('applies Facebook comment edits and removals, and Page mentions', async () => {
    const customer = seed.messengerCustomers[0] as { psid: string };
    const sent = await h.control<{ id: string }>(`/_sim/customers/${customer.psid}/comments`, { objectId: seed.posts['photo'], text: 'Do you ship to Graz?' });
    await h.settle();
    await h.control(`/_sim/comments/${sent.id}/edit`, { text: 'Do you ship to Graz or Linz?' });
    await h.settle();
    const edited = (await list('status=all&platform=FACEBOOK')).find((c) => c.externalId === sent.id);
    expect(edited).toMatchObject({ text: 'Do you ship to Graz or Linz?', status: 'needs_reply' });
    expect(edited?.editedAt).not.toBeNull();
    await h.control(`/_sim/comments/${sent.id}/delete`, {});
    await h.settle();
    const removed = (await list('status=deleted')).find((c) => c.externalId === sent.id);
    expect(removed).toMatchObject({ removed: true, removedBy: 'author', text: null });

    await h.control(`/_sim/customers/${customer.psid}/mentions`, { caption: 'Great service from Example Store today!' });
    await h.settle();
    const pageMention = (await list('kind=mention&platform=FACEBOOK')).find((c) => c.text === 'Great service from Example Store today!');
    expect(pageMention).toMatchObject({ kind: 'mention', platform: 'FACEBOOK' });
  });

  it('stores Instagram Live comments as live, private replies allowed while on air', async () => {
    const customer = seed.instagramCustomers[1] as { igsid: string };
    const sent = await h.control<{ id: string }>(`/_sim/customers/${customer.igsid}/comments`, { objectId: seed.media['live'], text: 'Hello from the Live!' });
    await h.settle();
    const live = (await list('kind=live')).find((c) => c.externalId === sent.id);
    expect(live).toMatchObject({ kind: 'live_comment', mediaProductType: 'LIVE' });
    const detail = await h.t.http.get(`/api/comments/${live?.id}`).set('Authorization', `Bearer ${h.admin}`);
    expect(detail.body.privateReply).toEqual({ allowed: true });
  });
});
