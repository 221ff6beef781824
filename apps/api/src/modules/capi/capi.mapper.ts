import { CapiEventDto, CapiSettingsDto, OUTCOME_LABELS, OutcomeDto } from '@ticklegram/domain-models';
import type { ChannelRef } from '../channels/channel-ref';
import { fromMinorUnits } from './capi.rules';
import { CapiEventEntity } from './entities/capi-event.entity';
import { CapiSettingsEntity } from './entities/capi-settings.entity';
import { ConversionOutcomeEntity } from './entities/conversion-outcome.entity';

export function outcomeValue(o: Pick<ConversionOutcomeEntity, 'valueMinor' | 'currency'>): number | null {
  return o.valueMinor !== null && o.currency ? fromMinorUnits(o.valueMinor, o.currency) : null;
}

export function toOutcomeDto(o: ConversionOutcomeEntity, event: CapiEventEntity | undefined): OutcomeDto {
  return {
    id: o.id,
    conversationId: o.conversationId,
    channelId: o.channelId,
    type: o.type,
    label: OUTCOME_LABELS[o.type],
    value: outcomeValue(o),
    currency: o.currency,
    hasEmail: !!o.emailHash,
    hasPhone: !!o.phoneHash,
    adId: o.adId,
    recordedBy: o.recordedById ? { id: o.recordedById, name: o.recordedByName ?? '' } : null,
    recordedAt: o.occurredAt.toISOString(),
    event: event ? { id: event.id, status: event.status, message: event.message } : { id: '', status: 'queued', message: null },
  };
}

export function toEventDto(e: CapiEventEntity): CapiEventDto {
  const custom = e.payload.custom_data as { value?: number; currency?: string } | undefined;
  return {
    id: e.id,
    outcomeId: e.outcomeId,
    conversationId: e.conversationId,
    channelId: e.channelId,
    platform: e.platform,
    eventName: e.eventName,
    eventId: e.eventId,
    datasetId: e.datasetId,
    testEventCode: e.testEventCode,
    value: typeof custom?.value === 'number' ? custom.value : null,
    currency: custom?.currency ?? null,
    status: e.status,
    message: e.message,
    attempts: e.attempts,
    nextAttemptAt: e.status === 'retrying' && e.nextAttemptAt ? e.nextAttemptAt.toISOString() : null,
    eventsReceived: e.eventsReceived,
    fbtraceId: e.fbtraceId,
    sentAt: e.sentAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function toSettingsDto(channel: ChannelRef, settings: CapiSettingsEntity | null, unavailableReason: string | null): CapiSettingsDto {
  return {
    channelId: channel.id,
    channelName: channel.name,
    platform: channel.platform,
    connection: channel.connection,
    available: unavailableReason === null,
    unavailableReason,
    datasetId: settings?.datasetId ?? null,
    testEventCode: settings?.testEventCode ?? null,
    hasAccessToken: !!settings?.accessTokenEncrypted,
    enabled: settings?.enabled ?? true,
    updatedAt: settings?.updatedAt.toISOString() ?? null,
  };
}
