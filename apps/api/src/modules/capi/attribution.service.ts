import { Injectable } from '@nestjs/common';
import { AttributionResponse } from '@ticklegram/domain-models';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { AdDetailsLookup } from './ad-details.lookup';
import { AdConversationsRepository } from '../inbox/repositories/ad-conversations.repository';
import {
  addDays,
  AttributedConversation,
  AttributedOutcome,
  attributionRows,
  attributionSeries,
  isTimeZone,
  localDay,
  startOfLocalDay,
} from './attribution.rules';
import { outcomeValue } from './capi.mapper';
import { AttributionQueryDto } from './dto/capi.query.dto';
import { CapiEventRepository } from './repositories/capi-event.repository';
import { ConversionOutcomeRepository } from './repositories/conversion-outcome.repository';

const MAX_DAYS = 366;

/** Per ad: conversations started in a date range, the first answer, the outcomes they led to and what Meta accepted. */
@Injectable()
export class AttributionService {
  constructor(
    private readonly adConversations: AdConversationsRepository,
    private readonly outcomes: ConversionOutcomeRepository,
    private readonly events: CapiEventRepository,
    private readonly ads: AdDetailsLookup,
  ) {}

  async report(query: AttributionQueryDto, now: Date = new Date()): Promise<AttributionResponse> {
    const tz = query.tz ?? 'UTC';
    if (!isTimeZone(tz)) throw new RequestValidationException([{ field: 'tz', messages: [`tz ${tz} is not an IANA time zone such as Europe/Vienna`] }]);
    const toDay = query.to ? dayOf(query.to, tz) : localDay(now, tz);
    const fromDay = query.from ? dayOf(query.from, tz) : addDays(toDay, -29);
    if (fromDay > toDay) throw new RequestValidationException([{ field: 'from', messages: ['from must not be after to'] }]);
    if (addDays(fromDay, MAX_DAYS) <= toDay)
      throw new RequestValidationException([{ field: 'from', messages: [`the range may span at most ${MAX_DAYS} days`] }]);
    const from = startOfLocalDay(fromDay, tz);
    const to = startOfLocalDay(addDays(toDay, 1), tz);

    const found = await this.adConversations.list({ from, to, channelId: query.channelId });
    const conversations: AttributedConversation[] = found.map((c) => ({
      conversationId: c.conversationId,
      channelId: c.channelId,
      platform: c.platform,
      adId: c.referral.adId,
      adTitle: c.referral.adTitle,
      campaignId: c.referral.campaignId,
      adsetId: c.referral.adsetId,
      startedAt: c.startedAt,
      firstResponseAt: c.firstResponseAt,
    }));
    const stored = await this.outcomes.listByConversations(conversations.map((c) => c.conversationId));
    const events = await this.events.byOutcomeIds(stored.map((o) => o.id));
    const outcomes: AttributedOutcome[] = stored.map((o) => ({
      conversationId: o.conversationId,
      type: o.type,
      occurredAt: o.occurredAt,
      value: outcomeValue(o),
      currency: o.currency,
      accepted: events.get(o.id)?.status === 'accepted',
    }));
    const rows = attributionRows(conversations, outcomes);
    const details = await this.ads.lookup(rows.map((r) => ({ adId: r.adId, channelId: r.channelId })));
    for (const row of rows) {
      const ad = details.get(row.adId);
      if (!ad) continue;
      row.adTitle ??= ad.name;
      row.campaignId ??= ad.campaignId;
      row.adsetId ??= ad.adsetId;
      if (row.campaignId === ad.campaignId) row.campaignName = ad.campaignName;
      if (row.adsetId === ad.adsetId) row.adsetName = ad.adsetName;
    }
    return { from: fromDay, to: toDay, tz, rows, series: attributionSeries(conversations, outcomes, fromDay, toDay, tz) };
  }
}

/** A plain date stays as it is; an ISO time becomes its local day in `tz`. */
function dayOf(value: string, tz: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDay(new Date(value), tz);
}
