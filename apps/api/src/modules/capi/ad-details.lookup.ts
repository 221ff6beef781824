import { Injectable, Logger } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service';
import { MetaGraph } from '../meta/meta.module';

export interface AdDetails {
  name: string | null;
  campaignId: string | null;
  campaignName: string | null;
  adsetId: string | null;
  adsetName: string | null;
}

const FOUND_TTL_MS = 60 * 60_000;
const MISSING_TTL_MS = 10 * 60_000;
const CONCURRENCY = 4;

/**
 * Names an ad's campaign and ad set for attribution (Marketing API, `ads_read`), read with the token of
 * the channel the ad led to and cached per process. Never fails a report: an ad Meta will not describe
 * (no permission, deleted, Meta down) just stays without names for a while.
 */
@Injectable()
export class AdDetailsLookup {
  private readonly logger = new Logger(AdDetailsLookup.name);
  private readonly cache = new Map<string, { until: number; details: AdDetails | null }>();

  constructor(
    private readonly graph: MetaGraph,
    private readonly channels: ChannelsService,
  ) {}

  async lookup(ads: { adId: string; channelId: string }[], now = Date.now()): Promise<Map<string, AdDetails>> {
    const wanted = [...new Map(ads.map((a) => [a.adId, a])).values()].filter((a) => (this.cache.get(a.adId)?.until ?? 0) <= now);
    for (let i = 0; i < wanted.length; i += CONCURRENCY) {
      await Promise.all(wanted.slice(i, i + CONCURRENCY).map((a) => this.fetch(a.adId, a.channelId, now)));
    }
    const out = new Map<string, AdDetails>();
    for (const { adId } of ads) {
      const details = this.cache.get(adId)?.details;
      if (details) out.set(adId, details);
    }
    return out;
  }

  private async fetch(adId: string, channelId: string, now: number): Promise<void> {
    try {
      const channel = await this.channels.getById(channelId);
      if (!channel) throw new Error('channel removed');
      const target = await this.channels.sendTarget(channel);
      const ad = await this.graph.capi.getAd({ accessToken: target.auth.accessToken, accountKey: channel.externalId }, adId);
      this.cache.set(adId, {
        until: now + FOUND_TTL_MS,
        details: {
          name: ad.name ?? null,
          campaignId: ad.campaign?.id ?? null,
          campaignName: ad.campaign?.name ?? null,
          adsetId: ad.adset?.id ?? null,
          adsetName: ad.adset?.name ?? null,
        },
      });
    } catch (err) {
      this.logger.debug?.({ adId, err: err instanceof Error ? err.message : String(err) }, 'ad details unavailable');
      this.cache.set(adId, { until: now + MISSING_TTL_MS, details: null });
    }
  }
}
