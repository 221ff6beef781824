import { MessagePlatform } from '../enums';
import { commentStatusOf, privateReplyEligibility, renderCommentReply, type PrivateReplyInput } from './comment-state';

const now = new Date('2026-12-03T12:00:00Z');
const base: PrivateReplyInput = {
  platform: MessagePlatform.INSTAGRAM,
  kind: 'comment',
  isFromBusiness: false,
  removed: false,
  commentedAt: new Date(now.getTime() - 3_600_000),
  privateRepliedAt: null,
  privateReplyQueued: false,
  liveEnded: false,
};

describe('commentStatusOf', () => {
  it('ranks ours, deleted, hidden, replied, done, needs reply', () => {
    const s = { isFromBusiness: false, removed: false, isHidden: false, replied: false, done: false };
    expect(commentStatusOf(s)).toBe('needs_reply');
    expect(commentStatusOf({ ...s, done: true })).toBe('done');
    expect(commentStatusOf({ ...s, done: true, replied: true })).toBe('replied');
    expect(commentStatusOf({ ...s, replied: true, isHidden: true })).toBe('hidden');
    expect(commentStatusOf({ ...s, isHidden: true, removed: true })).toBe('deleted');
    expect(commentStatusOf({ ...s, removed: true, isFromBusiness: true })).toBe('own');
  });
});

describe('privateReplyEligibility', () => {
  it('allows one private reply within 7 days', () => {
    expect(privateReplyEligibility(base, now)).toEqual({ allowed: true });
    expect(privateReplyEligibility({ ...base, privateRepliedAt: now }, now)).toMatchObject({ allowed: false, code: 'already_sent' });
    expect(privateReplyEligibility({ ...base, privateReplyQueued: true }, now)).toMatchObject({ allowed: false, code: 'queued' });
    expect(privateReplyEligibility({ ...base, commentedAt: new Date(now.getTime() - 7 * 86_400_000) }, now)).toMatchObject({ allowed: false, code: 'expired' });
    expect(privateReplyEligibility({ ...base, commentedAt: new Date(now.getTime() - 7 * 86_400_000 + 60_000) }, now)).toEqual({ allowed: true });
  });

  it('follows the Live, mention, deleted and own-comment rules', () => {
    expect(privateReplyEligibility({ ...base, kind: 'live_comment' }, now)).toEqual({ allowed: true });
    expect(privateReplyEligibility({ ...base, kind: 'live_comment', liveEnded: true }, now)).toMatchObject({ code: 'live_ended' });
    expect(privateReplyEligibility({ ...base, kind: 'mention' }, now)).toMatchObject({ code: 'not_a_comment' });
    expect(privateReplyEligibility({ ...base, removed: true }, now)).toMatchObject({ code: 'removed' });
    expect(privateReplyEligibility({ ...base, isFromBusiness: true }, now)).toMatchObject({ code: 'own_comment' });
    expect(privateReplyEligibility({ ...base, platform: MessagePlatform.FACEBOOK, kind: 'post' }, now)).toEqual({ allowed: true });
  });
});

describe('renderCommentReply', () => {
  it('fills the author into the template', () => {
    expect(renderCommentReply('Hi {{first_name}} ({{username}}), thanks {{ name }}!', { name: 'Jane Example', username: 'jane.example' })).toBe(
      'Hi Jane (@jane.example), thanks Jane Example!',
    );
    expect(renderCommentReply('Hi {{first_name}}', { name: null, username: null })).toBe('Hi there');
    expect(renderCommentReply('Hi {{name}}', { name: null, username: 'kai' })).toBe('Hi @kai');
  });
});
