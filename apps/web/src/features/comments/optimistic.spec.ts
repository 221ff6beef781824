import { MessagePlatform, type CommentDto } from '@ticklegram/domain-models';
import { applyCommandOptimistically } from './optimistic';
import { filtersFromParams } from './filters';

const comment: CommentDto = {
  id: 'c1',
  channelId: 'ch',
  platform: MessagePlatform.INSTAGRAM,
  kind: 'comment',
  isReply: false,
  externalId: '1',
  parentExternalId: null,
  postExternalId: 'm1',
  mediaProductType: 'FEED',
  source: 'organic',
  adId: null,
  adTitle: null,
  author: { externalId: 'a', name: null, username: 'jane' },
  isFromBusiness: false,
  text: 'hi',
  status: 'needs_reply',
  isHidden: false,
  removed: false,
  removedBy: null,
  editedAt: null,
  commentedAt: '2026-12-01T00:00:00.000Z',
  permalinkUrl: null,
  assigneeId: null,
  labelIds: [],
  repliedAt: null,
  privateReply: null,
  privateReplyQueued: false,
  doneAt: null,
};

describe('applyCommandOptimistically', () => {
  it('moves the status the way the api will', () => {
    expect(applyCommandOptimistically(comment, { type: 'reply', text: 'x' }).status).toBe('replied');
    expect(applyCommandOptimistically(comment, { type: 'hide' }).status).toBe('hidden');
    expect(applyCommandOptimistically(comment, { type: 'delete' })).toMatchObject({ status: 'deleted', text: null, removed: true });
    expect(applyCommandOptimistically(comment, { type: 'done', done: true }).status).toBe('done');
    expect(applyCommandOptimistically({ ...comment, doneAt: 'x', status: 'done' }, { type: 'done', done: false }).status).toBe('needs_reply');
  });
});

describe('filtersFromParams', () => {
  it('reads known values and ignores the rest', () => {
    expect(filtersFromParams(new URLSearchParams('status=hidden&kind=live&source=ad&platform=FACEBOOK&q=refund&post=p1'))).toEqual({
      status: 'hidden',
      kind: 'live',
      source: 'ad',
      platform: 'FACEBOOK',
      search: 'refund',
      postId: 'p1',
      assignee: undefined,
    });
    expect(filtersFromParams(new URLSearchParams('status=bogus&kind=x&platform=TIKTOK')).status).toBe('needs_reply');
  });
});
