import { Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { ChannelDto, ChannelStatus, MessagePlatform } from '@ticklegram/domain-models';
import { isMetaGraphError, SendTarget } from '@ticklegram/meta-graph';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { AuditService } from '../audit/audit.service';
import { toChannelDto } from './channel.mapper';
import { CustomerProfile } from './channel-platform';
import { ChannelPlatforms } from './channel-platforms';
import { ChannelRef, toChannelRef } from './channel-ref';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';
import { ChannelsGateway } from './channels.gateway';
import { ChannelBaseEntity, StoredGraphError } from './entities/channel-base.entity';
import { ChannelWebhookMinuteRepository } from './repositories/channel-webhook-minute.repository';
import { epochMinute, WebhookActivity } from './webhook-activity';

const RESOLVE_TTL_MS = 30_000;
const MISS_TTL_MS = 5_000;
const WEBHOOK_FLUSH_MS = 5_000;
/** A channel's Graph error is recorded again only when it differs from the last one, or after this long. */
export const GRAPH_ERROR_REPEAT_MS = 60_000;

/**
 * The channels façade for the rest of the api: resolve channels from webhook ids (the one lookup
 * cache), hand out decrypted tokens, profiles and Send API targets, and track health (webhooks
 * received, Graph errors, re-auth). Platform specifics come from the registered {@link ChannelPlatforms}.
 */
@Injectable()
export class ChannelsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ChannelsService.name);
  /** In-flight lookups are shared too: a 1000-entry delivery for one account asks the database once. */
  private readonly resolveCache = new Map<string, { ref: Promise<ChannelRef | null>; expiresAt: number }>();
  private readonly activity = new WebhookActivity();
  /** Last hour's webhook counts as last read from the shared table (refreshed by {@link list}). */
  private readonly hourCounts = new Map<string, number>();
  private readonly pendingWebhookAt = new Map<string, Date>();
  private flushTimer: NodeJS.Timeout | null = null;
  /** The Graph error each channel last recorded, and when (see {@link recordGraphError}). */
  private readonly lastGraphErrors = new Map<string, { key: string; at: number }>();

  constructor(
    private readonly platforms: ChannelPlatforms,
    private readonly webhookMinutes: ChannelWebhookMinuteRepository,
    private readonly cipher: TokenCipher,
    private readonly audit: AuditService,
    private readonly gateway: ChannelsGateway,
  ) {}

  // ── contract used by webhooks / inbox / messaging ───────────────────────────────────────

  resolveByExternalId(platform: MessagePlatform, externalId: string): Promise<ChannelRef | null> {
    const key = `${platform}:${externalId}`;
    const cached = this.resolveCache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.ref;
    const ref = this.platforms
      .get(platform)
      .accounts.findByExternalId(externalId)
      .then((entity) => (entity ? toChannelRef(entity) : null));
    const entry = { ref, expiresAt: Date.now() + RESOLVE_TTL_MS };
    this.resolveCache.set(key, entry);
    ref.then(
      (found) => (entry.expiresAt = Date.now() + (found ? RESOLVE_TTL_MS : MISS_TTL_MS)),
      () => this.resolveCache.delete(key),
    );
    return ref;
  }

  /** The channels of one platform, optionally only those in the given states. */
  async listRefs(platform: MessagePlatform, statuses?: ChannelStatus[]): Promise<ChannelRef[]> {
    return (await this.platforms.get(platform).accounts.list(statuses)).map(toChannelRef);
  }

  /** Every channel's id, whatever its platform or state (keys the sweeps that read messages by channel). */
  async allIds(): Promise<string[]> {
    const lists = await Promise.all(this.platforms.all().map((platform) => platform.accounts.list()));
    return lists.flat().map((entity) => entity.id);
  }

  /** The channel by our id; an Instagram account connected through a Page carries the Page's restriction (it sends through the Page). */
  async getById(id: string): Promise<ChannelRef | null> {
    const entity = await this.platforms.findById(id);
    if (!entity) return null;
    const ref = toChannelRef(entity);
    if (!ref.restriction && ref.linkedPageExternalId) {
      const page = await this.platforms.get(MessagePlatform.FACEBOOK).accounts.findByExternalId(ref.linkedPageExternalId);
      ref.restriction = page?.restriction() ?? null;
    }
    return ref;
  }

  /** The decrypted token for Graph calls (Instagram via a Page: the Page token). Throws when the channel has none. */
  async getAccessToken(channelId: string): Promise<string> {
    const entity = await this.platforms.findById(channelId);
    if (!entity) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This channel does not exist.');
    const stored = await this.platforms.of(entity).accounts.readEncryptedToken(entity);
    if (!stored || entity.status === ChannelStatus.DISCONNECTED) {
      throw new ChannelsException(ChannelsExceptionCode.CHANNELS_TOKEN_UNAVAILABLE, `${entity.name} is disconnected. An admin must connect it again.`);
    }
    return this.cipher.decrypt(stored);
  }

  /** Where the Send API call for this channel goes, with its token. */
  async sendTarget(channel: ChannelRef): Promise<SendTarget> {
    return this.platforms.get(channel.platform).sendTarget(channel, await this.getAccessToken(channel.id));
  }

  /** The customer's profile (cached by the platform module); never throws. */
  lookupCustomerProfile(channel: ChannelRef, customerExternalId: string): Promise<CustomerProfile> {
    return this.customerProfiles(channel)(customerExternalId);
  }

  /**
   * Looks up several customers of one channel: the channel's token is read and decrypted once, by the first lookup
   * that misses the platform's cache. Each lookup never throws.
   */
  customerProfiles(channel: ChannelRef): (customerExternalId: string) => Promise<CustomerProfile> {
    let token: Promise<string> | null = null;
    const context = {
      accessToken: () => (token ??= this.getAccessToken(channel.id)),
      onGraphError: (error: unknown) => this.recordGraphError(channel.id, error),
    };
    return (customer) => this.platforms.get(channel.platform).lookupCustomerProfile(channel, customer, context);
  }

  /** Cheap: counts in memory and coalesces the `last_webhook_at` write (flushed every few seconds). */
  async recordWebhookReceived(channelId: string, at: Date): Promise<void> {
    this.activity.record(channelId, at);
    const pending = this.pendingWebhookAt.get(channelId);
    if (!pending || pending < at) this.pendingWebhookAt.set(channelId, at);
    this.flushTimer ??= setTimeout(() => void this.flushWebhookTimes(), WEBHOOK_FLUSH_MS);
    this.flushTimer.unref?.();
  }

  /**
   * Remembers the error on the channel; a rejected token (190 …) flips it to `needs_reauth` and tells everyone. The
   * same error again within {@link GRAPH_ERROR_REPEAT_MS} is not written and broadcast again (a burst of new
   * customers whose profiles cannot be read would otherwise write the channel row once per customer); a rejected
   * token always is.
   */
  async recordGraphError(channelId: string, error: unknown): Promise<void> {
    const stored = describeGraphError(error);
    if (stored.kind !== 'reauth_required') {
      const key = JSON.stringify(stored);
      const last = this.lastGraphErrors.get(channelId);
      if (last && last.key === key && Date.now() - last.at < GRAPH_ERROR_REPEAT_MS) return;
      this.lastGraphErrors.set(channelId, { key, at: Date.now() });
    }
    const entity = await this.platforms.findById(channelId);
    if (!entity) return;
    await this.platforms.of(entity).accounts.update(entity, { lastGraphError: stored, lastGraphErrorAt: new Date() });
    if (stored.kind === 'reauth_required') {
      await this.markNeedsReauth(entity, stored.message, { code: stored.code, subcode: stored.subcode });
    } else {
      this.emitUpdated(entity);
    }
  }

  // ── used by the channels and platform modules ─────────────────────────────────────────

  async list(): Promise<ChannelDto[]> {
    const [lists, counts] = await Promise.all([
      Promise.all(this.platforms.all().map((p) => p.accounts.list())),
      this.webhookMinutes.countsSince(epochMinute(Date.now()) - 59),
    ]);
    const all = lists.flat();
    for (const entity of all) this.hourCounts.set(entity.id, counts.get(entity.id) ?? 0);
    return all.map((entity) => this.toDto(entity));
  }

  /** Sync mapping for replies and events: uses the last counts read from the table plus what this replica has not flushed yet. */
  toDto(entity: ChannelBaseEntity): ChannelDto {
    const requirement = this.platforms.of(entity).scopeRequirement(entity.identity().connection);
    return toChannelDto(entity, (this.hourCounts.get(entity.id) ?? 0) + this.activity.pendingLastHour(entity.id), requirement);
  }

  /** Writes common columns of a channel of any platform (status, health, token, settings). */
  update(entity: ChannelBaseEntity, patch: Partial<ChannelBaseEntity>): Promise<void> {
    return this.platforms.of(entity).accounts.update(entity, patch);
  }

  readEncryptedToken(entity: ChannelBaseEntity): Promise<string | null> {
    return this.platforms.of(entity).accounts.readEncryptedToken(entity);
  }

  async markNeedsReauth(entity: ChannelBaseEntity, reason: string, details: Record<string, unknown> = {}): Promise<void> {
    if (entity.status !== ChannelStatus.ACTIVE) return;
    await this.update(entity, { status: ChannelStatus.NEEDS_REAUTH, statusReason: reason });
    this.invalidate();
    await this.audit.record({
      actor: null,
      action: 'channel.needs_reauth',
      target: { type: entity.identity().kind, id: entity.id },
      details: { name: entity.name, reason, ...details },
    });
    this.logger.warn({ channelId: entity.id, reason }, 'channel needs re-authentication');
    this.emitUpdated(entity);
  }

  emitUpdated(entity: ChannelBaseEntity): void {
    this.gateway.updated(this.toDto(entity));
  }

  /** Drops cached lookups after a channel changed. */
  invalidate(): void {
    this.resolveCache.clear();
  }

  /** Writes the coalesced webhook times and per-minute counts (called by a timer, at shutdown, and by tests). */
  async flushWebhookTimes(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const counts = this.activity.drain();
    try {
      await this.webhookMinutes.addCounts(counts);
      for (const { channelId, count } of counts) this.hourCounts.set(channelId, (this.hourCounts.get(channelId) ?? 0) + count);
    } catch (error) {
      this.activity.restore(counts);
      this.logger.warn({ err: error }, 'could not record webhook counts');
    }
    const batch = [...this.pendingWebhookAt.entries()];
    this.pendingWebhookAt.clear();
    for (const [channelId, at] of batch) {
      try {
        // moves forward only: concurrent flushes from several replicas never move it back
        for (const platform of this.platforms.all()) await platform.accounts.advanceLastWebhook(channelId, at);
      } catch (error) {
        this.logger.warn({ err: error, channelId }, 'could not record webhook time');
      }
    }
  }

  /** Drops per-minute webhook counts older than two hours (the periodic health job calls it). */
  async pruneWebhookCounts(now = Date.now()): Promise<void> {
    await this.webhookMinutes.prune(epochMinute(now) - 120);
  }

  /**
   * Before the shutdown hooks, so before TypeORM closes the database in its own (the write failed there, and the last
   * seconds' counts were lost); after every module's destroy hook, so the webhook worker has stopped recording.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.pendingWebhookAt.size > 0 || this.activity.size > 0) await this.flushWebhookTimes().catch(() => undefined);
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }
}

/** Keeps only what is safe to store and show: codes, kind and the plain-language message. */
export function describeGraphError(error: unknown): StoredGraphError {
  if (isMetaGraphError(error)) {
    return { code: error.code ?? null, subcode: error.subcode ?? null, kind: error.kind, message: error.userMessage };
  }
  return { code: null, subcode: null, kind: 'unknown', message: 'Meta could not be reached or answered unexpectedly.' };
}
