import { MessagePlatform, type MessageAttachmentDto } from '@ticklegram/domain-models';
import {
  attachmentView,
  canRetry,
  failureReason,
  originLabel,
  quoteText,
  reactionSummary,
  startsNewDay,
  statusView,
  unconfirmedReason,
} from './message-render';
import { messageDto } from './test-factories';

const attachment = (overrides: Partial<MessageAttachmentDto>): MessageAttachmentDto => ({
  type: 'image',
  rawType: 'image',
  url: null,
  mediaPath: null,
  title: null,
  stickerId: null,
  mediaId: null,
  expired: false,
  payload: null,
  ...overrides,
});

describe('attachmentView', () => {
  it('prefers our stored copy over the expiring CDN link', () => {
    expect(attachmentView(attachment({ url: 'https://cdn/x.jpg', mediaPath: '/api/media/messages/m/0' }))).toEqual({
      kind: 'image',
      src: '/api/media/messages/m/0',
      alt: 'Image from the conversation',
    });
  });

  it('draws Messenger sticker images as stickers', () => {
    expect(attachmentView(attachment({ stickerId: '369239263222822', url: 'https://cdn/like.png' })).kind).toBe('sticker');
  });

  it('marks a story mention expired when flagged or without a link', () => {
    expect(attachmentView(attachment({ type: 'story_mention', url: 'https://cdn/s', expired: true }))).toEqual({
      kind: 'story_mention',
      src: null,
      expired: true,
    });
    expect(attachmentView(attachment({ type: 'story_mention' }))).toMatchObject({ expired: true });
    expect(attachmentView(attachment({ type: 'story_mention', url: 'https://cdn/s' }))).toMatchObject({ expired: false, src: 'https://cdn/s' });
  });

  it('labels shared posts and reels, names files from their URL', () => {
    expect(attachmentView(attachment({ type: 'reel', rawType: 'ig_reel', url: 'https://cdn/r.mp4' }))).toMatchObject({
      kind: 'shared_post',
      label: 'Shared reel',
    });
    expect(attachmentView(attachment({ type: 'share', url: 'https://cdn/p.jpg' }))).toMatchObject({ kind: 'shared_post', label: 'Shared post' });
    expect(attachmentView(attachment({ type: 'file', url: 'https://cdn/files/invoice%20(1).pdf?sig=1' }))).toMatchObject({
      kind: 'file',
      name: 'invoice (1).pdf',
    });
  });

  it('keeps unknown types as an unsupported placeholder instead of dropping them', () => {
    expect(attachmentView(attachment({ type: 'unsupported', rawType: 'unsupported_type' }))).toEqual({
      kind: 'unsupported',
      label: "This unsupported type can't be shown here yet.",
    });
    expect(attachmentView(attachment({ type: 'video' })).kind).toBe('video');
    expect(attachmentView(attachment({ type: 'audio' })).kind).toBe('audio');
  });
});

describe('message decisions', () => {
  it('labels echoes from the native apps, not our own sends', () => {
    expect(originLabel(messageDto({ direction: 'outbound', source: 'native_app' }), MessagePlatform.INSTAGRAM)).toBe('Sent from Instagram app');
    expect(originLabel(messageDto({ direction: 'outbound', source: 'native_app' }), MessagePlatform.FACEBOOK)).toBe('Sent from Messenger / Page inbox');
    expect(originLabel(messageDto({ direction: 'outbound', source: 'agent' }), MessagePlatform.INSTAGRAM)).toBeNull();
    expect(originLabel(messageDto({ direction: 'inbound' }), MessagePlatform.INSTAGRAM)).toBeNull();
  });

  it('shows Seen for read outbound messages and nothing for inbound ones', () => {
    expect(statusView(messageDto({ direction: 'outbound', status: 'read' }))).toEqual({ label: 'Seen', tone: 'primary' });
    expect(statusView(messageDto({ direction: 'outbound', status: 'failed' }))?.tone).toBe('destructive');
    expect(statusView(messageDto({ direction: 'outbound', status: 'unknown' }))).toEqual({ label: 'Checking with Meta…', tone: 'muted' });
    expect(unconfirmedReason(messageDto({ status: 'unknown', errorMessage: null }))).toMatch(/may or may not have reached the customer/);
    expect(statusView(messageDto({ direction: 'inbound', status: 'received' }))).toBeNull();
  });

  it('explains failures in plain words and only retries our own sends', () => {
    expect(failureReason(messageDto({ errorMessage: 'The 24-hour window closed.' }))).toBe('The 24-hour window closed.');
    expect(failureReason(messageDto({ errorCode: '551' }))).toContain('551');
    expect(canRetry(messageDto({ direction: 'outbound', status: 'failed', source: 'agent' }))).toBe(true);
    expect(canRetry(messageDto({ direction: 'outbound', status: 'failed', source: 'native_app' }))).toBe(false);
    // Meta may have it: never offered for a retry before the api has checked
    expect(canRetry(messageDto({ direction: 'outbound', status: 'unknown', source: 'agent' }))).toBe(false);
  });

  it('groups reactions by emoji', () => {
    const message = messageDto({
      reactions: [
        { by: 'customer', reaction: 'love', emoji: null, at: 'x' },
        { by: 'business', reaction: 'love', emoji: '❤️', at: 'x' },
        { by: 'customer', reaction: 'other', emoji: '😂', at: 'x' },
      ],
    });
    expect(reactionSummary(message)).toEqual([
      { emoji: '❤️', count: 2, byBusiness: true },
      { emoji: '😂', count: 1, byBusiness: false },
    ]);
  });

  it('quotes the replied-to message, or a neutral placeholder', () => {
    expect(quoteText(undefined)).toBe('An earlier message');
    expect(quoteText(messageDto({ unsentAt: 'x', text: null }))).toBe('Message unsent');
    expect(quoteText(messageDto({ text: null, attachments: [attachment({ type: 'story_mention' })] }))).toBe('[story mention]');
  });

  it('puts a day separator before the first message of each day', () => {
    const msgs = [{ sentAt: '2026-11-21T10:00:00' }, { sentAt: '2026-11-21T18:00:00' }, { sentAt: '2026-11-22T09:00:00' }];
    expect(msgs.map((_, i) => startsNewDay(msgs, i))).toEqual([true, false, true]);
  });
});
