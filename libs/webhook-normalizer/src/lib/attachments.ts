import type { NormalizedAttachment, NormalizedAttachmentType, NormalizedProductElement } from '@ticklegram/domain-models';
import { asRecord, compact, isRecord, opt, readArray, readId, readNumber, readPath, readString, type JsonRecord } from './read-values';

/** Meta attachment `type` → our kind. Types not listed (and `unsupported_type`) become `unsupported`. */
const TYPE_MAP: Record<string, NormalizedAttachmentType> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'file',
  sticker: 'sticker',
  like_heart: 'sticker',
  location: 'location',
  fallback: 'fallback',
  share: 'share',
  story_mention: 'story_mention',
  story: 'story',
  ig_story: 'story',
  reel: 'reel',
  ig_reel: 'reel',
  post: 'post',
  ig_post: 'post',
  template: 'template',
  product: 'product',
  ephemeral: 'ephemeral',
  appointment_booking: 'appointment_booking',
  unsupported_type: 'unsupported',
};

function productElements(payload: JsonRecord | null): NormalizedProductElement[] | undefined {
  const list = readArray(readPath(payload, 'product', 'elements') ?? payload?.['elements']);
  if (list.length === 0) return undefined;
  return list.filter(isRecord).map((el) => ({
    id: readId(el['id']),
    retailerId: readId(el['retailer_id']),
    imageUrl: readString(el['image_url']),
    title: readString(el['title']),
    subtitle: readString(el['subtitle']),
  }));
}

function coordinates(payload: JsonRecord | null): { lat: number; long: number } | undefined {
  const lat = readNumber(readPath(payload, 'coordinates', 'lat'));
  const long = readNumber(readPath(payload, 'coordinates', 'long'));
  return lat !== null && long !== null ? { lat, long } : undefined;
}

/** One Meta attachment (`{type, payload}`; legacy ones carry `url`/`title` beside the payload). */
export function normalizeAttachment(raw: unknown): NormalizedAttachment {
  const att = asRecord(raw);
  const rawType = readString(att?.['type']) ?? 'unknown';
  const payload = asRecord(att?.['payload']);
  const stickerId = readId(payload?.['sticker_id']);
  let type: NormalizedAttachmentType = TYPE_MAP[rawType] ?? 'unsupported';
  const templateType = rawType === 'template' ? readString(payload?.['template_type']) : null;
  if (type === 'image' && stickerId !== null) type = 'sticker';
  // Product shares come as a template with `template_type: "product"` or just `payload.product.elements`.
  if (type === 'template' && (templateType === 'product' || isRecord(payload?.['product']))) type = 'product';

  const url = readString(payload?.['url']) ?? readString(payload?.['story_media_url']) ?? readString(att?.['url']) ?? readString(payload?.['src']);
  const mediaId =
    readId(payload?.['ig_post_media_id']) ??
    readId(payload?.['reel_video_id']) ??
    readId(payload?.['story_media_id']) ??
    (['post', 'reel', 'story', 'share'].includes(type) ? readId(payload?.['id']) : null);

  return compact<NormalizedAttachment>({
    type,
    rawType,
    url: opt(url),
    title: opt(readString(payload?.['title']) ?? readString(att?.['title'])),
    stickerId: opt(stickerId),
    mediaId: opt(mediaId),
    coordinates: type === 'location' ? coordinates(payload) : undefined,
    templateType: opt(templateType),
    products: type === 'product' ? productElements(payload) : undefined,
    payload,
  });
}

/**
 * All attachments of a message. Meta's migrations send some content twice; the copy is dropped so it
 * shows once: during the 2026 sticker transition a sticker arrives as `sticker` and `image` (same
 * `sticker_id`), and during the Instagram share → ig_post migration (from 2025-11-03) a shared post
 * arrives as `share` and `ig_post` (a message shares one post, so `share` is dropped when `ig_post` is present).
 */
export function normalizeAttachments(raw: unknown): NormalizedAttachment[] {
  const all = readArray(raw).map(normalizeAttachment);
  const hasIgPost = all.some((a) => a.rawType === 'ig_post');
  const seenStickers = new Set<string>();
  const nativeStickerIds = new Set(all.filter((a) => a.rawType === 'sticker' && a.stickerId).map((a) => a.stickerId));
  return all.filter((a) => {
    if (hasIgPost && a.rawType === 'share') return false;
    if (a.type !== 'sticker' || a.stickerId === undefined) return true;
    if (a.rawType !== 'sticker' && nativeStickerIds.has(a.stickerId)) return false;
    if (seenStickers.has(a.stickerId)) return false;
    seenStickers.add(a.stickerId);
    return true;
  });
}
