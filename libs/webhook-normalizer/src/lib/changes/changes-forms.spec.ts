import { MessagePlatform, type NormalizedEvent } from '@ticklegram/domain-models';
import { normalizeWebhook } from '../normalize-webhook';

const PAGE = '104825791234560';
const IG = '17841400000000001';

function pageChange(field: string, value: unknown, time = 1767225600): NormalizedEvent[] {
  return normalizeWebhook({ object: 'page', entry: [{ id: PAGE, time, changes: [{ field, value }] }] });
}

function igChange(field: string, value: unknown): NormalizedEvent[] {
  return normalizeWebhook({ object: 'instagram', entry: [{ id: IG, time: 1767225600, changes: [{ field, value }] }] });
}

function only(events: NormalizedEvent[]): NormalizedEvent {
  expect(events).toHaveLength(1);
  return events[0] as NormalizedEvent;
}

const comment = (verb: string, extra: Record<string, unknown> = {}) => ({
  item: 'comment',
  verb,
  comment_id: 'p_c1',
  post_id: `${PAGE}_p`,
  parent_id: `${PAGE}_p`,
  from: { id: '42', name: 'Jane' },
  created_time: 1767225590,
  ...extra,
});

describe('Facebook feed', () => {
  it.each([
    ['add', 'add'],
    ['edit', 'edit'],
    ['edited', 'edit'],
    ['remove', 'remove'],
    ['delete', 'remove'],
    ['hide', 'hide'],
    ['unhide', 'unhide'],
    ['block', 'other'],
  ])('comment verb %s → action %s', (verb, action) => {
    expect(only(pageChange('feed', comment(verb, { message: 'x' })))).toMatchObject({ type: 'feed_comment', verb, action, commentId: 'p_c1' });
  });

  it('detects replies (parent is a comment) and the older sender_id/sender_name author form', () => {
    const reply = only(pageChange('feed', comment('add', { parent_id: 'p_c0', from: undefined, sender_id: 99, sender_name: 'Old Form' })));
    expect(reply).toMatchObject({ isReply: true, parentId: 'p_c0', from: { id: '99', name: 'Old Form' }, isFromPage: false });
  });

  it('a comment by the Page itself is flagged', () => {
    expect(only(pageChange('feed', comment('add', { from: { id: PAGE, name: 'Store' } })))).toMatchObject({ isFromPage: true });
  });

  it('creations collapse across retries; hide/unhide toggles and edits stay distinct', () => {
    const add1 = only(pageChange('feed', comment('add'), 1767225600));
    const add2 = only(pageChange('feed', comment('add'), 1767225700));
    expect(add1.dedupeKey).toBe(add2.dedupeKey);
    const hide1 = only(pageChange('feed', comment('hide'), 1767225600));
    const unhide = only(pageChange('feed', comment('unhide'), 1767225650));
    const hide2 = only(pageChange('feed', comment('hide'), 1767225700));
    expect(new Set([hide1.dedupeKey, unhide.dedupeKey, hide2.dedupeKey]).size).toBe(3);
    const editA = only(pageChange('feed', comment('edited', { message: 'a' }), 1767225600));
    const editARetry = only(pageChange('feed', comment('edited', { message: 'a' }), 1767225800));
    const editB = only(pageChange('feed', comment('edited', { message: 'b' }), 1767225600));
    expect(editA.dedupeKey).toBe(editARetry.dedupeKey);
    expect(editA.dedupeKey).not.toBe(editB.dedupeKey);
  });

  it('reactions: add / edit / remove, on posts and comments, legacy like item', () => {
    const base = { item: 'reaction', post_id: `${PAGE}_p`, from: { id: '42' }, created_time: 1767225590 };
    const add = only(pageChange('feed', { ...base, verb: 'add', reaction_type: 'like' }));
    const edit = only(pageChange('feed', { ...base, verb: 'edit', reaction_type: 'haha', created_time: 1767225595 }));
    const remove = only(pageChange('feed', { ...base, verb: 'remove', reaction_type: 'haha', comment_id: 'p_c1' }));
    expect([add, edit, remove].map((e) => e.type === 'feed_reaction' && [e.action, e.reactionType, e.commentId])).toEqual([
      ['add', 'like', null],
      ['edit', 'haha', null],
      ['remove', 'haha', 'p_c1'],
    ]);
    expect(new Set([add.dedupeKey, edit.dedupeKey, remove.dedupeKey]).size).toBe(3);
    expect(only(pageChange('feed', { item: 'like', verb: 'add', post_id: 'p', user_id: '1' }))).toMatchObject({ type: 'feed_reaction', reactionType: 'like' });
  });

  it('captured legacy photo form: numeric photo_id and sender_id, post_id preferred', () => {
    const event = only(
      pageChange('feed', {
        item: 'photo',
        verb: 'add',
        created_time: 1448555796,
        published: 1,
        photo_id: 900767076685784,
        post_id: `${PAGE}_900767076685784`,
        sender_id: Number(PAGE),
        sender_name: 'Store',
        link: 'https://example.org/test.jpg',
        message: 'New photo',
      }),
    );
    expect(event).toMatchObject({
      type: 'feed_post',
      postId: `${PAGE}_900767076685784`,
      from: { id: PAGE, name: 'Store' },
      isFromPage: true,
      published: true,
      timestamp: 1448555796000,
    });
  });

  it('Page posts (status / photo / video) and visitor posts, hidden and unpublished', () => {
    expect(only(pageChange('feed', { item: 'status', verb: 'add', post_id: 'p1', published: 1, message: 'hello' }))).toMatchObject({
      type: 'feed_post',
      item: 'status',
      published: true,
    });
    expect(only(pageChange('feed', { item: 'photo', verb: 'add', photo_id: 'ph1', link: 'https://fb/photo', published: 0 }))).toMatchObject({
      type: 'feed_post',
      postId: 'ph1',
      published: false,
      link: 'https://fb/photo',
    });
    expect(only(pageChange('feed', { item: 'post', verb: 'hide', post_id: 'p2', is_hidden: true }))).toMatchObject({ action: 'hide', isHidden: true });
  });

  it('feed items we do not model stay visible as unsupported', () => {
    expect(only(pageChange('feed', { item: 'rating', verb: 'add', open_graph_story_id: '1' }))).toMatchObject({
      type: 'unsupported',
      reason: 'unknown_feed_item',
      field: 'feed',
      platform: MessagePlatform.FACEBOOK,
      channelExternalId: PAGE,
    });
  });
});

describe('Facebook Page mention and group feed as a change', () => {
  it('mention in a comment', () => {
    const event = only(
      pageChange('mention', {
        item: 'comment',
        verb: 'add',
        post_id: 'p1',
        comment_id: 'c1',
        sender_id: '42',
        sender_name: 'Jane',
        message: '@Store hi',
        created_time: 1767225590,
      }),
    );
    expect(event).toMatchObject({
      type: 'page_mention',
      item: 'comment',
      action: 'add',
      commentId: 'c1',
      from: { id: '42', name: 'Jane' },
      timestamp: 1767225590000,
    });
  });

  it('mention of a post without any sender (captured form)', () => {
    const event = only(pageChange('mention', { message: 'A post', post_id: `${PAGE}_9`, created_time: 1614340562, item: 'post', verb: 'add' }));
    expect(event).toMatchObject({ type: 'page_mention', item: 'post', postId: `${PAGE}_9`, commentId: null, from: null, message: 'A post' });
  });

  it('group_feed delivered as a change', () => {
    const event = only(
      pageChange('group_feed', {
        group_id: 'g1',
        post_id: 'g1_p',
        item: 'post',
        verb: 'add',
        from: { id: '42', name: 'Jane' },
        message: 'hi',
        created_time: 1767225590,
      }),
    );
    expect(event).toMatchObject({ type: 'group_feed', groupId: 'g1', item: 'post', via: 'changes', customerExternalId: null });
  });
});

describe('Instagram changes', () => {
  it('comment id as value.id (reference) or value.comment_id (FB-Login examples page)', () => {
    const a = only(igChange('comments', { id: '180', text: 'a', from: { id: '65', username: 'u' }, media: { id: 'm' } }));
    const b = only(igChange('comments', { comment_id: '180', text: 'a', from: { id: '65', username: 'u' }, media: { id: 'm' } }));
    expect(a).toMatchObject({ type: 'ig_comment', commentId: '180' });
    expect(b).toMatchObject({ type: 'ig_comment', commentId: '180' });
    expect(a.dedupeKey).toBe(b.dedupeKey);
  });

  it('live comments, replies and ad comments', () => {
    const event = only(
      igChange('live_comments', {
        id: '181',
        parent_id: '180',
        text: 'q',
        from: { id: '65' },
        media: { id: 'm', media_product_type: 'AD', ad_id: 'ad1', ad_title: 'Spring', original_media_id: 'om' },
      }),
    );
    expect(event).toMatchObject({
      type: 'ig_comment',
      field: 'live_comments',
      isReply: true,
      parentId: '180',
      media: { productType: 'AD', adId: 'ad1', adTitle: 'Spring', originalMediaId: 'om' },
    });
  });

  it('a comment without any id is invalid, and missing from/media are tolerated', () => {
    expect(only(igChange('comments', { text: 'orphan' }))).toMatchObject({ type: 'unsupported', reason: 'invalid_change' });
    expect(only(igChange('comments', { id: '1' }))).toMatchObject({ type: 'ig_comment', from: null, media: null, text: null, isFromBusiness: false });
  });

  it('mention in a comment and -1 insight values', () => {
    expect(only(igChange('mentions', { comment_id: 'c1', media_id: 'm1' }))).toMatchObject({ type: 'ig_mention', commentId: 'c1', mediaId: 'm1' });
    expect(only(igChange('story_insights', { media_id: 'm2', reach: -1, replies: '3', note: 'x' }))).toMatchObject({
      type: 'ig_story_insights',
      metrics: { reach: -1, replies: 3 },
    });
  });

  it('unknown change fields are kept', () => {
    expect(only(igChange('story_reactions', { media_id: 'm' }))).toMatchObject({
      type: 'unsupported',
      reason: 'unknown_change_field',
      field: 'story_reactions',
      platform: MessagePlatform.INSTAGRAM,
    });
  });
});

describe('template status', () => {
  it.each(['message_template_status_update', 'messenger_template_status_update'])('%s', (field) => {
    const event = only(
      pageChange(field, {
        event: 'rejected',
        message_template_id: 7,
        message_template_name: 'order_update',
        message_template_language: 'en_US',
        reason: 'INCORRECT_PARAMS',
      }),
    );
    expect(event).toMatchObject({ type: 'template_status', field, templateId: '7', status: 'REJECTED', reason: 'INCORRECT_PARAMS', language: 'en_US' });
  });

  it('plain status/name form, and status changes at different times are distinct', () => {
    const a = only(pageChange('message_template_status_update', { status: 'APPROVED', name: 't', language: 'de' }, 1767225600));
    const b = only(pageChange('message_template_status_update', { status: 'APPROVED', name: 't', language: 'de' }, 1767229200));
    expect(a).toMatchObject({ templateName: 't', templateId: null, status: 'APPROVED' });
    expect(a.dedupeKey).not.toBe(b.dedupeKey);
    expect(only(pageChange('message_template_status_update', { event: 'APPROVED' }))).toMatchObject({ type: 'unsupported', reason: 'invalid_change' });
  });
});
