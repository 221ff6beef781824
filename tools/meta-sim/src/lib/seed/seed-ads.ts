import type { SimStore } from '../state/store';
import { SIM_SEED } from './seed-data';

const DAY = 86_400_000;

/** The referral Meta attaches to the first message of a thread opened from one of the seeded ads. */
export function seededAdReferral(publicUrl: string, ad: 'springSale' | 'springDrop'): Record<string, unknown> {
  const spec = SIM_SEED.ads[ad];
  const context: Record<string, unknown> = {
    ad_title: ad === 'springSale' ? 'Spring sale - rain jackets' : 'Spring drop',
    photo_url: `${publicUrl}/cdn/media/ad-${spec.id}.png`,
  };
  if (ad === 'springSale') context['post_id'] = SIM_SEED.posts.ad;
  return { ref: spec.ref, ad_id: spec.id, source: 'ADS', type: 'OPEN_THREAD', ads_context_data: context };
}

/** Ads Manager objects: the ads behind click-to-message referrals and ad comments (ids from the fixtures). */
export function seedAds(store: SimStore, now: number): void {
  const cdn = `${store.settings.publicUrl}/cdn`;
  const s = SIM_SEED;
  const act = s.ads.adAccount;
  store.campaigns.set(s.ads.springSale.campaignId, {
    id: s.ads.springSale.campaignId,
    name: 'Spring sale 2026',
    objective: 'OUTCOME_ENGAGEMENT',
    adAccountId: act,
  });
  store.campaigns.set(s.ads.freeShipping.campaignId, {
    id: s.ads.freeShipping.campaignId,
    name: 'Always-on: messaging',
    objective: 'OUTCOME_LEADS',
    adAccountId: act,
  });
  store.adsets.set(s.ads.springSale.adsetId, { id: s.ads.springSale.adsetId, name: 'AT + DE, 25–45, Facebook', campaignId: s.ads.springSale.campaignId });
  store.adsets.set(s.ads.springDrop.adsetId, { id: s.ads.springDrop.adsetId, name: 'AT + DE, 18–34, Instagram', campaignId: s.ads.springDrop.campaignId });
  store.adsets.set(s.ads.freeShipping.adsetId, {
    id: s.ads.freeShipping.adsetId,
    name: 'Lookalike buyers, Messenger',
    campaignId: s.ads.freeShipping.campaignId,
  });
  store.ads.set(s.ads.springSale.id, {
    ...s.ads.springSale,
    name: 'Spring sale - rain jackets',
    accountId: s.page.id,
    platform: 'messenger',
    objectId: s.posts.ad,
    title: 'Spring sale - rain jackets',
    body: '30% off rain jackets this week. Message us to reserve yours.',
    imageUrl: `${cdn}/media/ad-${s.ads.springSale.id}.png`,
    createdAt: now - 6 * DAY,
  });
  store.ads.set(s.ads.springDrop.id, {
    ...s.ads.springDrop,
    name: 'Spring drop',
    accountId: s.instagram.id,
    platform: 'instagram',
    objectId: s.media.ad,
    title: 'Spring drop',
    body: 'Light jackets for April showers. Tap to chat with us!',
    imageUrl: `${cdn}/media/ad-${s.ads.springDrop.id}.png`,
    createdAt: now - 6 * DAY,
  });
  store.ads.set(s.ads.freeShipping.id, {
    ...s.ads.freeShipping,
    name: 'Free shipping over 50 €',
    accountId: s.page.id,
    platform: 'messenger',
    title: 'Free shipping over 50 €',
    body: 'Questions about your order? Chat with us on Messenger.',
    imageUrl: `${cdn}/media/ad-${s.ads.freeShipping.id}.png`,
    createdAt: now - 20 * DAY,
  });
}
