import { MessagePlatform } from '../enums';

/**
 * Meta's "MB" is not defined as 10^6 or 2^20 bytes; decimal megabytes are the smaller reading, so a
 * file that passes here is under the limit either way.
 */
export const MEGABYTE = 1_000_000;

/** Instagram text: at most 1,000 bytes of UTF-8. */
export const INSTAGRAM_TEXT_MAX_BYTES = 1000;
/** Messenger text: at most 2,000 characters (counted as Unicode code points). */
export const MESSENGER_TEXT_MAX_CHARS = 2000;
/** Instagram: up to 10 images in one message (`attachments[]`); other kinds go one per message. */
export const INSTAGRAM_MAX_IMAGES_PER_MESSAGE = 10;
/** Messenger: one attachment per message. */
export const MESSENGER_MAX_ATTACHMENTS_PER_MESSAGE = 1;

export type OutboundAttachmentKind = 'image' | 'audio' | 'video' | 'file';

export interface OutboundAttachmentInfo {
  mimeType: string;
  sizeBytes: number;
}

export type OutboundValidation = { ok: true } | { ok: false; reason: string };
export type OutboundAttachmentValidation = { ok: true; kind: OutboundAttachmentKind } | { ok: false; reason: string };

/** How much of the platform's text limit a draft uses, for the composer's counter. */
export interface OutboundTextUsage {
  used: number;
  limit: number;
  unit: 'bytes' | 'characters';
}

interface KindRule {
  kind: OutboundAttachmentKind;
  mimeTypes: readonly string[];
  maxBytes: number;
}

const INSTAGRAM_ATTACHMENTS: readonly KindRule[] = [
  // GIF is accepted when uploaded as an attachment; sends by URL take PNG/JPEG.
  { kind: 'image', mimeTypes: ['image/png', 'image/jpeg', 'image/jpg', 'image/gif'], maxBytes: 8 * MEGABYTE },
  {
    kind: 'audio',
    mimeTypes: ['audio/aac', 'audio/x-aac', 'audio/mp4', 'audio/m4a', 'audio/x-m4a', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
    maxBytes: 25 * MEGABYTE,
  },
  {
    kind: 'video',
    mimeTypes: ['video/mp4', 'video/ogg', 'video/x-msvideo', 'video/avi', 'video/msvideo', 'video/quicktime', 'video/webm'],
    maxBytes: 25 * MEGABYTE,
  },
  { kind: 'file', mimeTypes: ['application/pdf'], maxBytes: 25 * MEGABYTE },
];

const INSTAGRAM_ACCEPTED_TEXT = 'images (PNG, JPEG, GIF), audio (AAC, M4A, WAV, MP4), video (MP4, OGG, AVI, MOV, WebM) and PDF files';

const MESSENGER_IMAGE_MAX_BYTES = 8 * MEGABYTE;
const MESSENGER_ASSET_MAX_BYTES = 25 * MEGABYTE;

/**
 * Messenger takes images, audio, video and files up to 25 MB. We send only well-known media and
 * document types: never markup or scripts (HTML, SVG, XML, JavaScript), which a browser would run if
 * the link were ever opened on our origin.
 */
const MESSENGER_ATTACHMENTS: readonly KindRule[] = [
  { kind: 'image', mimeTypes: ['image/png', 'image/jpeg', 'image/jpg', 'image/gif'], maxBytes: MESSENGER_IMAGE_MAX_BYTES },
  {
    kind: 'audio',
    mimeTypes: [
      'audio/mpeg',
      'audio/mp3',
      'audio/mp4',
      'audio/aac',
      'audio/x-aac',
      'audio/m4a',
      'audio/x-m4a',
      'audio/wav',
      'audio/x-wav',
      'audio/wave',
      'audio/ogg',
      'audio/webm',
      'audio/amr',
    ],
    maxBytes: MESSENGER_ASSET_MAX_BYTES,
  },
  {
    kind: 'video',
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/ogg', 'video/x-msvideo', 'video/avi', 'video/3gpp', 'video/mpeg'],
    maxBytes: MESSENGER_ASSET_MAX_BYTES,
  },
  {
    kind: 'file',
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/rtf',
      'application/zip',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.oasis.opendocument.presentation',
      'image/webp',
      'image/heic',
    ],
    maxBytes: MESSENGER_ASSET_MAX_BYTES,
  },
];

const MESSENGER_ACCEPTED_TEXT = 'images (PNG, JPEG, GIF), audio, video (MP4, MOV, WebM and others), PDF, text, CSV, ZIP and Office documents';

const KIND_NOUNS: Record<OutboundAttachmentKind, string> = { image: 'Images', audio: 'Audio files', video: 'Videos', file: 'Files' };

/** The length of `text` in UTF-8 bytes, computed without platform APIs so it runs the same in api and web. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code < 0x10000)
      bytes += 3; // includes lone surrogates, which encode as U+FFFD (3 bytes)
    else bytes += 4;
  }
  return bytes;
}

export function measureOutboundText(platform: MessagePlatform, text: string): OutboundTextUsage {
  if (platform === MessagePlatform.INSTAGRAM) {
    return { used: utf8ByteLength(text), limit: INSTAGRAM_TEXT_MAX_BYTES, unit: 'bytes' };
  }
  return { used: [...text].length, limit: MESSENGER_TEXT_MAX_CHARS, unit: 'characters' };
}

export function validateOutboundText(platform: MessagePlatform, text: string): OutboundValidation {
  if (text.trim().length === 0) return { ok: false, reason: 'Write a message before sending.' };
  const usage = measureOutboundText(platform, text);
  if (usage.used <= usage.limit) return { ok: true };
  if (platform === MessagePlatform.INSTAGRAM) {
    return {
      ok: false,
      reason: `This message is too long for Instagram: it takes ${thousands(usage.used)} bytes and Instagram accepts ${thousands(usage.limit)}. Emoji and accented letters count as 2 to 4 bytes each, so shorten it a little or split it into two messages.`,
    };
  }
  return {
    ok: false,
    reason: `This message is too long for Messenger: ${thousands(usage.used)} characters, and Messenger accepts ${thousands(usage.limit)}. Shorten it or split it into two messages.`,
  };
}

export function validateAttachment(platform: MessagePlatform, attachment: OutboundAttachmentInfo): OutboundAttachmentValidation {
  const { sizeBytes } = attachment;
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0) return { ok: false, reason: "We couldn't read this file's size. Try attaching it again." };
  if (sizeBytes === 0) return { ok: false, reason: 'This file is empty.' };
  const mimeType = normalizeMimeType(attachment.mimeType);
  if (!mimeType) return { ok: false, reason: "We couldn't tell what kind of file this is, so it can't be sent." };

  const instagram = platform === MessagePlatform.INSTAGRAM;
  const rule = (instagram ? INSTAGRAM_ATTACHMENTS : MESSENGER_ATTACHMENTS).find((candidate) => candidate.mimeTypes.includes(mimeType));
  if (!rule) {
    return instagram
      ? { ok: false, reason: `Instagram can't send this kind of file (${mimeType}). It accepts ${INSTAGRAM_ACCEPTED_TEXT}.` }
      : { ok: false, reason: `Messenger can't send this kind of file (${mimeType}). It accepts ${MESSENGER_ACCEPTED_TEXT}.` };
  }
  if (sizeBytes > rule.maxBytes) {
    const network = platform === MessagePlatform.INSTAGRAM ? 'Instagram' : 'Messenger';
    return {
      ok: false,
      reason: `This file is ${megabytes(sizeBytes)}. ${KIND_NOUNS[rule.kind]} sent on ${network} can be at most ${megabytes(rule.maxBytes)}.`,
    };
  }
  return { ok: true, kind: rule.kind };
}

/** Checks a whole message's attachments: each file, and how many may go together. */
export function validateAttachments(platform: MessagePlatform, attachments: readonly OutboundAttachmentInfo[]): OutboundValidation {
  const kinds: OutboundAttachmentKind[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const result = validateAttachment(platform, attachment);
    if (!result.ok) return attachments.length > 1 ? { ok: false, reason: `Attachment ${index + 1}: ${result.reason}` } : result;
    kinds.push(result.kind);
  }
  if (kinds.length <= 1) return { ok: true };
  if (platform === MessagePlatform.FACEBOOK) {
    return { ok: false, reason: 'Messenger takes one attachment per message. Send the others in separate messages.' };
  }
  if (kinds.some((kind) => kind !== 'image')) {
    return { ok: false, reason: 'Instagram can send several images together, but audio, video and PDF files go one per message.' };
  }
  if (kinds.length > INSTAGRAM_MAX_IMAGES_PER_MESSAGE) {
    return {
      ok: false,
      reason: `Instagram allows up to ${INSTAGRAM_MAX_IMAGES_PER_MESSAGE} images in one message; this one has ${kinds.length}. Send the rest in another message.`,
    };
  }
  return { ok: true };
}

/** The media type without parameters, lower-cased: what the allow-lists compare. */
export function normalizeMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

function megabytes(bytes: number): string {
  const value = bytes / MEGABYTE;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
