import { Injectable } from '@nestjs/common';
import { ChannelDto, ChannelStatus, OAuthStartResponse } from '@ticklegram/domain-models';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { ChannelPlatforms } from './channel-platforms';
import { ChannelsService } from './channels.service';
import { ConnectActor } from './connect/connect-actor';
import { ChannelBaseEntity } from './entities/channel-base.entity';

/** Disconnect, settings and reconnect of a channel of any platform (admins; audited). */
@Injectable()
export class ChannelLifecycleService {
  constructor(
    private readonly platforms: ChannelPlatforms,
    private readonly channels: ChannelsService,
    private readonly cipher: TokenCipher,
    private readonly audit: AuditService,
  ) {}

  async disconnect(actor: ConnectActor & { user: AuthUser }, entity: ChannelBaseEntity): Promise<ChannelDto> {
    const stored = await this.channels.readEncryptedToken(entity);
    if (stored && entity.status !== ChannelStatus.DISCONNECTED) await this.platforms.of(entity).unsubscribe(entity, this.cipher.decrypt(stored));
    await this.channels.update(entity, {
      status: ChannelStatus.DISCONNECTED,
      statusReason: `Disconnected by ${actor.user.email}.`,
      accessTokenEnc: null,
      subscriptionState: 'unknown',
      subscribedFields: [],
    });
    this.channels.invalidate();
    await this.audit.record({
      actor: actor.user,
      action: 'channel.disconnected',
      target: { type: entity.identity().kind, id: entity.id },
      details: { name: entity.name },
      ip: actor.ip ?? null,
    });
    this.channels.emitUpdated(entity);
    return this.channels.toDto(entity);
  }

  /** Whether agents may reply with the HUMAN_AGENT tag (24 h – 7 days) on this channel; needs Meta's Human Agent feature. */
  async updateSettings(actor: ConnectActor & { user: AuthUser }, entity: ChannelBaseEntity, settings: { humanAgentEnabled?: boolean }): Promise<ChannelDto> {
    if (settings.humanAgentEnabled !== undefined && settings.humanAgentEnabled !== entity.humanAgentEnabled) {
      const before = entity.humanAgentEnabled;
      await this.channels.update(entity, { humanAgentEnabled: settings.humanAgentEnabled });
      this.channels.invalidate();
      await this.audit.record({
        actor: actor.user,
        action: 'channel.settings_updated',
        target: { type: entity.identity().kind, id: entity.id },
        details: { name: entity.name, humanAgentEnabled: { from: before, to: settings.humanAgentEnabled } },
        ip: actor.ip ?? null,
      });
      this.channels.emitUpdated(entity);
    }
    return this.channels.toDto(entity);
  }

  reconnect(user: AuthUser, entity: ChannelBaseEntity): OAuthStartResponse {
    return this.platforms.of(entity).startReconnect(user, entity);
  }
}
