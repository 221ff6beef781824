import type { NormalizedReferral, ReferralKind } from '@ticklegram/domain-models';
import { asRecord, compact, opt, readBoolean, readId, readPath, readString } from './read-values';

const LINK_SOURCES = new Set(['SHORTLINK', 'MESSENGER_CODE', 'DISCOVER_TAB', 'CUSTOMER_CHAT_PLUGIN', 'IG_ME']);

/**
 * A `referral` object (in a message, a postback, or on its own): ads with `ads_context_data`,
 * m.me / ig.me links (`SHORTLINK`, also Meta's `SHORTLINKS` spelling), Shops (`product.id`), plugins.
 */
export function normalizeReferral(raw: unknown): NormalizedReferral | null {
  const ref = asRecord(raw);
  if (ref === null) return null;
  const ads = asRecord(ref['ads_context_data']);
  const rawSource = readString(ref['source']);
  const upper = rawSource?.toUpperCase() ?? null;
  const source = upper === 'SHORTLINKS' ? 'SHORTLINK' : upper;
  const adId = readId(ref['ad_id']) ?? readId(ads?.['ad_id']);
  const shopProductId = readId(readPath(ref, 'product', 'id'));

  let kind: ReferralKind = 'other';
  if (source === 'ADS' || adId !== null) kind = 'ad';
  else if (shopProductId !== null || source === 'SHOPS') kind = 'shop';
  else if (source !== null && LINK_SOURCES.has(source)) kind = 'link';

  return compact<NormalizedReferral>({
    kind,
    source,
    rawSource,
    type: readString(ref['type']),
    ref: opt(readString(ref['ref'])),
    adId: opt(adId),
    adTitle: opt(readString(ads?.['ad_title'])),
    photoUrl: opt(readString(ads?.['photo_url'])),
    videoUrl: opt(readString(ads?.['video_url'])),
    postId: opt(readId(ads?.['post_id'])),
    productId: opt(shopProductId ?? readId(ads?.['product_id'])),
    flowId: opt(readId(ads?.['flow_id'])),
    campaignId: opt(readId(ref['campaign_id']) ?? readId(ads?.['campaign_id'])),
    adsetId: opt(readId(ref['adset_id']) ?? readId(ads?.['adset_id']) ?? readId(ads?.['ad_set_id'])),
    refererUri: opt(readString(ref['referer_uri'])),
    isGuestUser: opt(readBoolean(ref['is_guest_user'])),
  });
}
