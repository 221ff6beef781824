import type { SimAd, SimAdSet, SimCampaign } from '../state/model';
import type { SimStore } from '../state/store';
import type { AuthContext } from './auth';
import { Edge, GraphNode, isoTime } from './fields';

/**
 * Ads Manager reads (Marketing API): `GET /{ad-id}?fields=name,adset{…},campaign{…},creative{…}`,
 * `/{adset-id}`, `/{campaign-id}`, `/act_{id}` with `ads`/`adsets`/`campaigns` edges. Needs `ads_read`
 * (or `ads_management`) and access to the ad's Page / IG account; otherwise the ids don't resolve.
 */

function canReadAds(auth: AuthContext): boolean {
  return auth.token.type === 'APP' || auth.token.scopes.includes('ads_read') || auth.token.scopes.includes('ads_management');
}

function visibleAds(store: SimStore, auth: AuthContext): SimAd[] {
  if (!canReadAds(auth)) return [];
  return [...store.ads.values()].filter((ad) => auth.accountIds.has(ad.accountId));
}

function campaignNode(c: SimCampaign, ads: SimAd[]): GraphNode {
  return new GraphNode(
    'Campaign',
    c.id,
    {
      id: c.id,
      name: c.name,
      objective: c.objective,
      status: 'ACTIVE',
      effective_status: 'ACTIVE',
      account_id: c.adAccountId.replace(/^act_/, ''),
      created_time: isoTime(Math.min(...ads.map((a) => a.createdAt))),
    },
    ['id'],
  );
}

function adSetNode(store: SimStore, a: SimAdSet, ads: SimAd[]): GraphNode {
  const campaign = store.campaigns.get(a.campaignId);
  return new GraphNode(
    'AdSet',
    a.id,
    {
      id: a.id,
      name: a.name,
      campaign_id: a.campaignId,
      status: 'ACTIVE',
      effective_status: 'ACTIVE',
      campaign: campaign ? campaignNode(campaign, ads) : undefined,
    },
    ['id'],
  );
}

function adNode(store: SimStore, ad: SimAd, ads: SimAd[]): GraphNode {
  const adset = store.adsets.get(ad.adsetId);
  const campaign = store.campaigns.get(ad.campaignId);
  const creative: Record<string, unknown> = { id: `${ad.id}9`, title: ad.title, body: ad.body, image_url: ad.imageUrl, name: `${ad.name} creative` };
  if (ad.objectId && ad.platform === 'messenger') creative['effective_object_story_id'] = ad.objectId;
  if (ad.objectId && ad.platform === 'instagram') creative['effective_instagram_media_id'] = ad.objectId;
  return new GraphNode(
    'Ad',
    ad.id,
    {
      id: ad.id,
      name: ad.name,
      status: 'ACTIVE',
      effective_status: 'ACTIVE',
      adset_id: ad.adsetId,
      campaign_id: ad.campaignId,
      created_time: isoTime(ad.createdAt),
      creative,
      adset: adset ? adSetNode(store, adset, ads) : undefined,
      campaign: campaign ? campaignNode(campaign, ads) : undefined,
    },
    ['id'],
  );
}

/** Resolves an Ads Manager id the caller may read, or undefined. */
export function adsLookup(store: SimStore, auth: AuthContext, id: string): GraphNode | undefined {
  const ads = visibleAds(store, auth);
  if (ads.length === 0) return undefined;
  const ad = ads.find((a) => a.id === id);
  if (ad) return adNode(store, ad, ads);
  const adset = store.adsets.get(id);
  if (adset && ads.some((a) => a.adsetId === id))
    return adSetNode(
      store,
      adset,
      ads.filter((a) => a.adsetId === id),
    );
  const campaign = store.campaigns.get(id);
  if (campaign && ads.some((a) => a.campaignId === id))
    return campaignNode(
      campaign,
      ads.filter((a) => a.campaignId === id),
    );
  const account = [...store.campaigns.values()].find((c) => c.adAccountId === id && ads.some((a) => a.campaignId === c.id));
  if (!account) return undefined;
  const inAccount = ads.filter((a) => store.campaigns.get(a.campaignId)?.adAccountId === id);
  return new GraphNode(
    'AdAccount',
    id,
    {
      id,
      account_id: id.replace(/^act_/, ''),
      name: 'Example Store ads',
      currency: 'EUR',
      timezone_name: 'Europe/Vienna',
      ads: () => new Edge(() => inAccount.map((a) => adNode(store, a, ads)), ['id']),
      adsets: () =>
        new Edge(
          () =>
            [...new Set(inAccount.map((a) => a.adsetId))]
              .map((x) => store.adsets.get(x))
              .filter((x): x is SimAdSet => !!x)
              .map((x) => adSetNode(store, x, inAccount)),
          ['id'],
        ),
      campaigns: () =>
        new Edge(
          () =>
            [...new Set(inAccount.map((a) => a.campaignId))]
              .map((x) => store.campaigns.get(x))
              .filter((x): x is SimCampaign => !!x)
              .map((x) => campaignNode(x, inAccount)),
          ['id'],
        ),
    },
    ['id'],
  );
}
