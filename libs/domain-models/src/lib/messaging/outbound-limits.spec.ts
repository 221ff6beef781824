import { MessagePlatform } from '../enums';
import {
  MEGABYTE,
  measureOutboundText,
  OutboundAttachmentInfo,
  utf8ByteLength,
  validateAttachment,
  validateAttachments,
  validateOutboundText,
} from './outbound-limits';

const IG = MessagePlatform.INSTAGRAM;
const FB = MessagePlatform.FACEBOOK;
const GRINNING = '\u{1F600}'; // 4 bytes in UTF-8, 2 UTF-16 code units, 1 code point
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // ZWJ sequence: 4+3+4+3+4 bytes

describe('utf8ByteLength', () => {
  it.each(['', 'hello', 'é', 'Grüße aus Köln', '日本語', GRINNING, FAMILY, 'a\uD800b', '\uDC00', 'x'.repeat(5000)])(
    'agrees with the UTF-8 encoder for %j',
    (text) => {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    },
  );

  it('counts a ZWJ family emoji as 18 bytes', () => {
    expect(utf8ByteLength(FAMILY)).toBe(18);
  });
});

describe('validateOutboundText', () => {
  it.each([
    ['IG 1000 ASCII bytes', IG, 'a'.repeat(1000), true],
    ['IG 1001 ASCII bytes', IG, 'a'.repeat(1001), false],
    ['IG 250 emoji = 1000 bytes', IG, GRINNING.repeat(250), true],
    ['IG 250 emoji + 1 letter = 1001 bytes', IG, GRINNING.repeat(250) + 'a', false],
    ['IG 251 emoji (only 251 characters)', IG, GRINNING.repeat(251), false],
    ['IG 500 é = 1000 bytes', IG, 'é'.repeat(500), true],
    ['IG 501 é = 1002 bytes', IG, 'é'.repeat(501), false],
    ['IG 55 family emoji = 990 bytes', IG, FAMILY.repeat(55), true],
    ['IG 56 family emoji = 1008 bytes', IG, FAMILY.repeat(56), false],
    ['Messenger 2000 characters', FB, 'a'.repeat(2000), true],
    ['Messenger 2001 characters', FB, 'a'.repeat(2001), false],
    ['Messenger 2000 emoji (4000 UTF-16 units)', FB, GRINNING.repeat(2000), true],
    ['Messenger 2001 emoji', FB, GRINNING.repeat(2001), false],
    ['Messenger 1001 ASCII (too long only for IG)', FB, 'a'.repeat(1001), true],
  ])('%s', (_name, platform, text, ok) => {
    expect(validateOutboundText(platform, text).ok).toBe(ok);
  });

  it.each([IG, FB])('rejects an empty or blank message on %s', (platform) => {
    for (const text of ['', '   ', '\n\t']) {
      expect(validateOutboundText(platform, text)).toEqual({ ok: false, reason: 'Write a message before sending.' });
    }
  });

  it('explains the Instagram byte limit in plain words', () => {
    const result = validateOutboundText(IG, GRINNING.repeat(301));
    expect(result).toEqual({
      ok: false,
      reason:
        'This message is too long for Instagram: it takes 1,204 bytes and Instagram accepts 1,000. Emoji and accented letters count as 2 to 4 bytes each, so shorten it a little or split it into two messages.',
    });
  });

  it('explains the Messenger character limit in plain words', () => {
    const result = validateOutboundText(FB, 'b'.repeat(2140));
    expect(result).toEqual({
      ok: false,
      reason: 'This message is too long for Messenger: 2,140 characters, and Messenger accepts 2,000. Shorten it or split it into two messages.',
    });
  });

  it('measures usage for the composer counter', () => {
    expect(measureOutboundText(IG, `hi ${GRINNING}`)).toEqual({ used: 7, limit: 1000, unit: 'bytes' });
    expect(measureOutboundText(FB, `hi ${GRINNING}`)).toEqual({ used: 4, limit: 2000, unit: 'characters' });
  });
});

describe('validateAttachment', () => {
  const MB = MEGABYTE;
  it.each([
    // Instagram
    [IG, 'image/png', 8 * MB, 'image'],
    [IG, 'image/jpeg', 8 * MB + 1, null],
    [IG, 'image/JPEG; charset=binary', 1024, 'image'],
    [IG, 'image/gif', 2 * MB, 'image'],
    [IG, 'image/webp', 1024, null],
    [IG, 'image/heic', 1024, null],
    [IG, 'audio/mp4', 25 * MB, 'audio'],
    [IG, 'audio/x-m4a', 25 * MB + 1, null],
    [IG, 'audio/wav', 3 * MB, 'audio'],
    [IG, 'audio/aac', 3 * MB, 'audio'],
    [IG, 'audio/mpeg', 3 * MB, null],
    [IG, 'video/mp4', 25 * MB, 'video'],
    [IG, 'video/quicktime', 25 * MB + 1, null],
    [IG, 'video/webm', 10 * MB, 'video'],
    [IG, 'video/x-msvideo', 10 * MB, 'video'],
    [IG, 'video/ogg', 10 * MB, 'video'],
    [IG, 'application/pdf', 25 * MB, 'file'],
    [IG, 'application/pdf', 25 * MB + 1, null],
    [IG, 'application/zip', 1024, null],
    [IG, 'text/plain', 10, null],
    // Messenger
    [FB, 'image/png', 8 * MB, 'image'],
    [FB, 'image/png', 8 * MB + 1, null],
    [FB, 'image/webp', 12 * MB, 'file'],
    [FB, 'audio/mpeg', 25 * MB, 'audio'],
    [FB, 'video/mp4', 25 * MB, 'video'],
    [FB, 'video/mp4', 25 * MB + 1, null],
    [FB, 'application/zip', 25 * MB, 'file'],
    [FB, 'text/csv', 25 * MB + 1, null],
    // markup and scripts never go out, whatever the uploader declares
    [FB, 'text/html', 10, null],
    [FB, 'image/svg+xml', 10, null],
    [FB, 'application/xhtml+xml', 10, null],
    [FB, 'text/xml', 10, null],
    [FB, 'application/javascript', 10, null],
    [FB, 'application/octet-stream', 10, null],
    [FB, 'Text/HTML; charset=utf-8', 10, null],
    [IG, 'text/html', 10, null],
    [IG, 'image/svg+xml', 10, null],
  ] as const)('%s %s %d bytes → %s', (platform, mimeType, sizeBytes, kind) => {
    const result = validateAttachment(platform, { mimeType, sizeBytes });
    if (kind === null) {
      expect(result.ok).toBe(false);
    } else {
      expect(result).toEqual({ ok: true, kind });
    }
  });

  it('explains a file that is too large', () => {
    expect(validateAttachment(IG, { mimeType: 'image/png', sizeBytes: 12_400_000 })).toEqual({
      ok: false,
      reason: 'This file is 12.4 MB. Images sent on Instagram can be at most 8 MB.',
    });
    expect(validateAttachment(FB, { mimeType: 'video/mp4', sizeBytes: 30 * MEGABYTE })).toEqual({
      ok: false,
      reason: 'This file is 30 MB. Videos sent on Messenger can be at most 25 MB.',
    });
  });

  it('explains an unsupported Instagram file type', () => {
    expect(validateAttachment(IG, { mimeType: 'application/zip', sizeBytes: 10 })).toEqual({
      ok: false,
      reason:
        "Instagram can't send this kind of file (application/zip). It accepts images (PNG, JPEG, GIF), audio (AAC, M4A, WAV, MP4), video (MP4, OGG, AVI, MOV, WebM) and PDF files.",
    });
  });

  it.each([
    [{ mimeType: 'image/png', sizeBytes: 0 }, 'This file is empty.'],
    [{ mimeType: 'image/png', sizeBytes: -1 }, "We couldn't read this file's size. Try attaching it again."],
    [{ mimeType: 'image/png', sizeBytes: 1.5 }, "We couldn't read this file's size. Try attaching it again."],
    [{ mimeType: 'image/png', sizeBytes: Number.NaN }, "We couldn't read this file's size. Try attaching it again."],
    [{ mimeType: '', sizeBytes: 10 }, "We couldn't tell what kind of file this is, so it can't be sent."],
    [{ mimeType: ' ; x=y', sizeBytes: 10 }, "We couldn't tell what kind of file this is, so it can't be sent."],
  ])('rejects %j on both platforms', (attachment, reason) => {
    expect(validateAttachment(IG, attachment)).toEqual({ ok: false, reason });
    expect(validateAttachment(FB, attachment)).toEqual({ ok: false, reason });
  });
});

describe('validateAttachments', () => {
  const image: OutboundAttachmentInfo = { mimeType: 'image/jpeg', sizeBytes: 500_000 };
  const pdf: OutboundAttachmentInfo = { mimeType: 'application/pdf', sizeBytes: 500_000 };

  it.each([
    ['IG no attachments', IG, [], true],
    ['IG one PDF', IG, [pdf], true],
    ['IG 10 images', IG, Array.from({ length: 10 }, () => image), true],
    ['IG 11 images', IG, Array.from({ length: 11 }, () => image), false],
    ['IG image + PDF', IG, [image, pdf], false],
    ['Messenger one image', FB, [image], true],
    ['Messenger two images', FB, [image, image], false],
  ] as const)('%s', (_name, platform, attachments, ok) => {
    expect(validateAttachments(platform, attachments).ok).toBe(ok);
  });

  it('names the attachment that fails', () => {
    expect(validateAttachments(IG, [image, { mimeType: 'image/png', sizeBytes: 9 * MEGABYTE }])).toEqual({
      ok: false,
      reason: 'Attachment 2: This file is 9 MB. Images sent on Instagram can be at most 8 MB.',
    });
    expect(
      validateAttachments(
        IG,
        Array.from({ length: 11 }, () => image),
      ),
    ).toEqual({
      ok: false,
      reason: 'Instagram allows up to 10 images in one message; this one has 11. Send the rest in another message.',
    });
  });
});
