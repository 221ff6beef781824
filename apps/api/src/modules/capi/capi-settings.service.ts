import { Injectable, Logger } from '@nestjs/common';
import { CapiErrorCode, CapiSettingsDto, ChannelStatus, MessagePlatform } from '@ticklegram/domain-models';
import { GraphAuth, isMetaGraphError } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { AuditService } from '../audit/audit.service';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsException, ChannelsExceptionCode } from '../channels/channels.exception';
import { ChannelsService } from '../channels/channels.service';
import { MetaGraph } from '../meta/meta.module';
import { CapiException } from './capi.exception';
import { toSettingsDto } from './capi.mapper';
import { UpdateCapiSettingsRequestDto } from './dto/capi-settings.request.dto';
import { CapiSettingsEntity } from './entities/capi-settings.entity';
import { CapiSettingsRepository } from './repositories/capi-settings.repository';

/** Where a channel's events go and with which token. */
export interface CapiTarget {
  channel: ChannelRef;
  settings: CapiSettingsEntity;
  auth: GraphAuth;
}

const INSTAGRAM_LOGIN_REASON =
  'Accounts connected with Instagram Login cannot report conversions: Meta offers the Conversions API for Instagram only to accounts connected through their Facebook Page (Facebook Login).';

/**
 * Conversions API settings per channel: the business-messaging dataset (asked from Meta with
 * `POST /{page-or-ig-id}/dataset`, or typed in), an optional test event code and an optional dedicated
 * token (encrypted like channel tokens, never returned). Admin-only; every change is audited.
 */
@Injectable()
export class CapiSettingsService {
  private readonly logger = new Logger(CapiSettingsService.name);

  constructor(
    private readonly settings: CapiSettingsRepository,
    private readonly channels: ChannelsService,
    private readonly graph: MetaGraph,
    private readonly cipher: TokenCipher,
    private readonly audit: AuditService,
  ) {}

  static unavailableReason(channel: Pick<ChannelRef, 'platform' | 'connection'>): string | null {
    return channel.platform === MessagePlatform.INSTAGRAM && channel.connection === 'instagram_login' ? INSTAGRAM_LOGIN_REASON : null;
  }

  async list(): Promise<CapiSettingsDto[]> {
    const [pages, instagram, rows] = await Promise.all([
      this.channels.listRefs(MessagePlatform.FACEBOOK),
      this.channels.listRefs(MessagePlatform.INSTAGRAM),
      this.settings.list(),
    ]);
    const byChannel = new Map(rows.map((r) => [r.channelId, r]));
    return [...pages, ...instagram]
      .filter((c) => c.status !== ChannelStatus.DISCONNECTED)
      .map((c) => toSettingsDto(c, byChannel.get(c.id) ?? null, CapiSettingsService.unavailableReason(c)));
  }

  async update(actor: AuthUser, channelId: string, body: UpdateCapiSettingsRequestDto, ip: string | null): Promise<CapiSettingsDto> {
    const channel = await this.supportedChannel(channelId);
    const row =
      (await this.settings.findByChannel(channel.id)) ??
      this.settings.create({ channelId: channel.id, datasetId: null, testEventCode: null, accessTokenEncrypted: null, enabled: true });
    const changed: Record<string, unknown> = {};
    if (body.datasetId !== undefined) row.datasetId = changed['datasetId'] = body.datasetId;
    if (body.testEventCode !== undefined) row.testEventCode = changed['testEventCode'] = body.testEventCode || null;
    if (body.enabled !== undefined) row.enabled = changed['enabled'] = body.enabled;
    if (body.accessToken !== undefined) {
      row.accessTokenEncrypted = body.accessToken ? this.cipher.encrypt(body.accessToken) : null;
      changed['accessToken'] = body.accessToken ? 'replaced' : 'removed';
    }
    const saved = await this.settings.save(row);
    await this.audit.record({ actor, action: 'capi.settings_updated', target: { type: 'channel', id: channel.id }, details: changed, ip });
    return toSettingsDto(channel, saved, null);
  }

  /** Asks Meta for the account's business-messaging dataset (Meta creates it on the first call) and stores it. */
  async connectDataset(actor: AuthUser | null, channelId: string, ip: string | null): Promise<CapiSettingsDto> {
    const channel = await this.supportedChannel(channelId);
    if (channel.status !== ChannelStatus.ACTIVE)
      throw new CapiException(CapiErrorCode.CAPI_CHANNEL_UNSUPPORTED, `${channel.name} is not connected right now. Reconnect it under Accounts first.`);
    const row =
      (await this.settings.findByChannel(channel.id)) ??
      this.settings.create({ channelId: channel.id, datasetId: null, testEventCode: null, accessTokenEncrypted: null, enabled: true });
    let datasetId: string;
    try {
      datasetId = String((await this.graph.capi.getOrCreateDataset(await this.authFor(channel, row), channel.externalId)).id);
    } catch (error) {
      throw this.explain(channel, error);
    }
    row.datasetId = datasetId;
    const saved = await this.settings.save(row);
    await this.audit.record({ actor, action: 'capi.dataset_connected', target: { type: 'channel', id: channel.id }, details: { datasetId }, ip });
    return toSettingsDto(channel, saved, null);
  }

  /** The dataset and token for sending a channel's events; null when not set up (or turned off). */
  async target(channelId: string): Promise<CapiTarget | { problem: string }> {
    const channel = await this.channels.getById(channelId);
    if (!channel) return { problem: 'The channel was removed, so the event cannot be sent.' };
    const unavailable = CapiSettingsService.unavailableReason(channel);
    if (unavailable) return { problem: unavailable };
    const settings = await this.settings.findByChannel(channel.id);
    if (!settings?.datasetId)
      return { problem: `The Conversions API is not set up for ${channel.name}: an admin picks its dataset under Settings → Conversions API, then resends.` };
    if (!settings.enabled) return { problem: `Sending conversion events is turned off for ${channel.name} (Settings → Conversions API).` };
    try {
      return { channel, settings, auth: await this.authFor(channel, settings) };
    } catch {
      return { problem: `${channel.name} is disconnected. Reconnect it under Accounts, then resend.` };
    }
  }

  /** Eligible channels (Pages, Instagram via a Page) that are connected and have no settings yet. */
  async unconfiguredChannels(): Promise<ChannelRef[]> {
    const [pages, instagram, rows] = await Promise.all([
      this.channels.listRefs(MessagePlatform.FACEBOOK, [ChannelStatus.ACTIVE]),
      this.channels.listRefs(MessagePlatform.INSTAGRAM, [ChannelStatus.ACTIVE]),
      this.settings.list(),
    ]);
    const configured = new Set(rows.filter((r) => r.datasetId).map((r) => r.channelId));
    return [...pages, ...instagram].filter((c) => !configured.has(c.id) && !CapiSettingsService.unavailableReason(c));
  }

  recordChannelProblem(channelId: string, error: unknown): Promise<void> {
    return this.channels.recordGraphError(channelId, error).catch((err: unknown) => this.logger.warn({ err, channelId }, 'could not record the channel error'));
  }

  private async authFor(channel: ChannelRef, settings: CapiSettingsEntity): Promise<GraphAuth> {
    if (settings.accessTokenEncrypted) return { accessToken: this.cipher.decrypt(settings.accessTokenEncrypted), accountKey: channel.externalId };
    return { accessToken: (await this.channels.sendTarget(channel)).auth.accessToken, accountKey: channel.externalId };
  }

  /** The channel, if it can report conversions: 404 like the other channel routes when it does not exist. */
  private async supportedChannel(channelId: string): Promise<ChannelRef> {
    const channel = await this.channels.getById(channelId);
    if (!channel) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This channel does not exist.');
    const unavailable = CapiSettingsService.unavailableReason(channel);
    if (unavailable) throw new CapiException(CapiErrorCode.CAPI_CHANNEL_UNSUPPORTED, unavailable);
    return channel;
  }

  private explain(channel: ChannelRef, error: unknown): CapiException {
    if (!isMetaGraphError(error) || error.kind === 'retryable' || error.kind === 'rate_limited') {
      return new CapiException(CapiErrorCode.CAPI_META_UNAVAILABLE, 'Meta is not answering right now. Try again in a minute.');
    }
    if (error.kind === 'permission' || error.kind === 'reauth_required') {
      void this.recordChannelProblem(channel.id, error);
      const scope = channel.platform === MessagePlatform.FACEBOOK ? 'page_events' : 'instagram_manage_events';
      return new CapiException(
        CapiErrorCode.CAPI_META_REJECTED,
        `Meta refused: ${channel.name} has not granted TickleGram the permission for conversion events (${scope}). Reconnect it under Accounts and allow it.`,
      );
    }
    return new CapiException(CapiErrorCode.CAPI_META_REJECTED, `Meta refused: ${error.metaUserMessage ?? error.userMessage}`);
  }
}
