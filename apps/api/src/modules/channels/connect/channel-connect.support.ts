import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelConnection, ChannelStatus } from '@ticklegram/domain-models';
import { DebugTokenData, GraphAuth, isMetaGraphError } from '@ticklegram/meta-graph';
import { TokenCipher } from '../../../common/crypto/token-cipher';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit/audit.service';
import { MetaGraph } from '../../meta/meta.module';
import { missingScopes, ScopeRequirement } from '../channel-scopes';
import { ChannelsException, ChannelsExceptionCode } from '../channels.exception';
import { ChannelsService } from '../channels.service';
import { ChannelBaseEntity } from '../entities/channel-base.entity';
import type { ChannelAccountTable } from '../repositories/channel-account-table';
import { ConnectActor } from './connect-actor';

/**
 * The steps every connect flow shares (Facebook Login, Instagram Login, pasted tokens): check the token
 * with Meta, require scopes, subscribe the app to webhooks, encrypt the token, upsert the row by Meta's
 * id, audit and announce. The platform modules compose them; Meta's errors become plain-language 4xx/5xx.
 */
@Injectable()
export class ChannelConnectSupport {
  private readonly logger = new Logger(ChannelConnectSupport.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readonly graph: MetaGraph,
    private readonly cipher: TokenCipher,
    private readonly channels: ChannelsService,
    private readonly audit: AuditService,
  ) {}

  /** `debug_token` with the app token; the token must be valid and belong to our app. */
  async inspect(token: string): Promise<DebugTokenData> {
    let info: DebugTokenData;
    try {
      info = await this.graph.oauth.debugToken(token);
    } catch (error) {
      throw this.metaFailure('Could not check the token with Meta', error);
    }
    return this.checkInspected(info);
  }

  /** Like {@link inspect}, but null when graph.facebook.com cannot inspect the token (Instagram Login tokens): validate with `/me` then. */
  async tryInspect(token: string): Promise<DebugTokenData | null> {
    let info: DebugTokenData;
    try {
      info = await this.graph.oauth.debugToken(token);
    } catch (error) {
      if (isMetaGraphError(error) && error.kind !== 'retryable' && error.kind !== 'rate_limited') return null;
      throw this.metaFailure('Could not check the token with Meta', error);
    }
    return this.checkInspected(info);
  }

  requireScopes(granted: readonly string[], requirement: ScopeRequirement): void {
    const missing = missingScopes(granted, requirement).required;
    if (missing.length > 0) {
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_MISSING_PERMISSIONS,
        `This token is missing ${missing.length === 1 ? 'the permission' : 'these permissions'}: ${missing.join(', ')}. Grant ${missing.length === 1 ? 'it' : 'them'} when you log in or generate the token, then try again.`,
      );
    }
  }

  /** Token columns from a `debug_token` answer (encrypted token, scopes, expiry). */
  tokenColumns(token: string, info: DebugTokenData): Partial<ChannelBaseEntity> {
    return {
      accessTokenEnc: this.cipher.encrypt(token),
      scopes: info.scopes ?? [],
      tokenExpiresAt: info.expires_at ? new Date(info.expires_at * 1000) : null,
      tokenIssuedAt: info.issued_at ? new Date(info.issued_at * 1000) : new Date(),
      tokenCheckedAt: new Date(),
    };
  }

  encrypt(token: string): string {
    return this.cipher.encrypt(token);
  }

  activeColumns(actor: ConnectActor, subscribedFields: string[] | null): Partial<ChannelBaseEntity> {
    const now = new Date();
    return {
      status: ChannelStatus.ACTIVE,
      statusReason: null,
      subscriptionState: subscribedFields ? 'subscribed' : 'missing',
      subscribedFields: subscribedFields ?? [],
      subscriptionCheckedAt: now,
      connectedById: actor.user?.id ?? null,
      connectedAt: now,
    };
  }

  /** Subscribes the app to the account's webhooks; a failure leaves the channel connected but flagged. */
  async subscribe(auth: GraphAuth, nodeId: string, fields: readonly string[]): Promise<string[] | null> {
    try {
      const res = await this.graph.subscriptions.subscribe(auth, nodeId, fields);
      return res.success ? [...fields] : null;
    } catch (error) {
      if (isMetaGraphError(error) && error.kind === 'reauth_required') throw this.metaFailure('Meta rejected the token', error);
      this.logger.warn({ err: isMetaGraphError(error) ? error.toJSON() : String(error), nodeId }, 'webhook subscription failed');
      return null;
    }
  }

  /** Inserts or updates the row for this Meta id; a concurrent connect of the same account loses the unique key and updates instead. */
  async upsert<T extends ChannelBaseEntity>(table: ChannelAccountTable<T>, existing: T | null, values: Partial<T>, externalId: string): Promise<T> {
    if (existing) {
      await table.update(existing, values as Partial<ChannelBaseEntity>);
      return existing;
    }
    try {
      return await table.save(table.create(values));
    } catch (error) {
      const winner = await table.findByExternalId(externalId);
      if (!winner) throw error;
      await table.update(winner, values as Partial<ChannelBaseEntity>);
      return winner;
    }
  }

  /** Audit (connected / reconnected) and tell everyone. */
  async afterConnect(actor: ConnectActor, entity: ChannelBaseEntity, existing: ChannelBaseEntity | null, connection: ChannelConnection): Promise<void> {
    this.channels.invalidate();
    await this.audit.record({
      actor: actor.user,
      action: existing ? 'channel.reconnected' : 'channel.connected',
      target: { type: entity.identity().kind, id: entity.id },
      details: { name: entity.name, connection, source: actor.source, scopes: entity.scopes },
      ip: actor.ip ?? null,
    });
    this.channels.emitUpdated(entity);
  }

  /** Runs a Graph step, turning its failure into a plain-language channels error prefixed with `what`. */
  async metaStep<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw this.metaFailure(what, error);
    }
  }

  metaFailure(what: string, error: unknown): Error {
    if (error instanceof ChannelsException) return error;
    if (isMetaGraphError(error)) {
      if (error.kind === 'reauth_required') return new ChannelsException(ChannelsExceptionCode.CHANNELS_TOKEN_INVALID, `${what}: ${error.userMessage}`);
      if (error.kind === 'retryable' || error.kind === 'rate_limited')
        return new ChannelsException(ChannelsExceptionCode.CHANNELS_META_UNAVAILABLE, `${what}: Meta is not answering right now. Try again in a minute.`);
      if (error.kind === 'permission') return new ChannelsException(ChannelsExceptionCode.CHANNELS_MISSING_PERMISSIONS, `${what}: ${error.userMessage}`);
      return new ChannelsException(ChannelsExceptionCode.CHANNELS_OAUTH_FAILED, `${what}: ${error.userMessage}`);
    }
    this.logger.error({ err: error }, what);
    return new ChannelsException(ChannelsExceptionCode.CHANNELS_META_UNAVAILABLE, `${what}: Meta could not be reached. Try again in a minute.`);
  }

  private checkInspected(info: DebugTokenData): DebugTokenData {
    if (!info.is_valid) {
      const expired = info.error?.subcode === 463 || (info.expires_at !== undefined && info.expires_at > 0 && info.expires_at * 1000 < Date.now());
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_TOKEN_INVALID,
        expired
          ? `This token expired${info.expires_at ? ` on ${new Date(info.expires_at * 1000).toUTCString()}` : ''}. Generate a new one and paste it again.`
          : 'Meta does not accept this token (it may have been revoked, or was not copied completely). Generate a new one and paste it again.',
      );
    }
    if (info.app_id && info.app_id !== this.config.meta.appId && info.app_id !== this.config.meta.instagramAppId) {
      throw new ChannelsException(
        ChannelsExceptionCode.CHANNELS_TOKEN_WRONG_KIND,
        'This token belongs to another Meta app. Generate it for this app (see docs/meta-setup.md).',
      );
    }
    return info;
  }
}
