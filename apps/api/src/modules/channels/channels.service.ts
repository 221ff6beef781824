import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ChannelDto, ChannelStatus, MessagePlatform, Role } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { AuditService } from '../audit/audit.service';
import { RealtimeService } from '../realtime/realtime.service';
import { toChannelDto, toChannelRef } from './channel.mapper';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';
import { StoredGraphError } from './entities/channel-base.entity';
import { CustomerProfile, CustomerProfilesService } from './customer-profiles.service';
import { AnyChannelEntity, ChannelRepository } from './repositories/channel.repository';
import { epochMinute, WebhookActivity } from './webhook-activity';

/** What other modules (webhooks, inbox, messaging) know about a channel. Never carries the token. */
export interface ChannelRef {
  /** Our uuid. */
  id: string;
  platform: MessagePlatform;
  /** IG professional account id or Page id. */
  externalId: string;
  name: string;
  username: string | null;
  status: ChannelStatus;
  humanAgentEnabled: boolean;
  /** Instagram via a Page: the linked Page id. */
  linkedPageExternalId: string | null;
  connection: 'facebook_login' | 'instagram_login';
}

const RESOLVE_TTL_MS = 30_000;
const MISS_TTL_MS = 5_000;
const WEBHOOK_FLUSH_MS = 5_000;

/**
 * The channels façade for the rest of the api: resolve channels from webhook ids, hand out decrypted
 * tokens for Graph calls, and track health (webhooks received, Graph errors, re-auth).
 */
@Injectable()
export class ChannelsService implements OnApplicationShutdown {
  private readonly logger = new Logger(ChannelsService.name);
  private readonly resolveCache = new Map<string, { ref: ChannelRef | null; expiresAt: number }>();
  private readonly activity = new WebhookActivity();
  /** Last hour's webhook counts as last read from the shared table (refreshed by {@link list}). */
  private readonly hourCounts = new Map<string, number>();
  private readonly pendingWebhookAt = new Map<string, Date>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly channels: ChannelRepository,
    private readonly cipher: TokenCipher,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly profiles: CustomerProfilesService,
  ) {}

  // ── contract used by webhooks / inbox / messaging ───────────────────────────────────────

  async resolveByExternalId(platform: MessagePlatform, externalId: string): Promise<ChannelRef | null> {
    const key = `${platform}:${externalId}`;
    const cached = this.resolveCache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.ref;
    const entity = await this.channels.findByExternalId(platform, externalId);
    const ref = entity ? toChannelRef(entity) : null;
    this.resolveCache.set(key, { ref, expiresAt: Date.now() + (ref ? RESOLVE_TTL_MS : MISS_TTL_MS) });
    return ref;
  }

  async getById(id: string): Promise<ChannelRef | null> {
    const entity = await this.channels.findById(id);
    return entity ? toChannelRef(entity) : null;
  }

  /** The decrypted token for Graph calls (Instagram via a Page: the Page token). Throws when the channel has none. */
  async getAccessToken(channelId: string): Promise<string> {
    const entity = await this.channels.findById(channelId);
    if (!entity) throw new ChannelsException(ChannelsExceptionCode.CHANNELS_NOT_FOUND, 'This channel does not exist.');
    const stored = await this.channels.readEncryptedToken(entity);
    if (!stored || entity.status === ChannelStatus.DISCONNECTED) {
      throw new ChannelsException(ChannelsExceptionCode.CHANNELS_TOKEN_UNAVAILABLE, `${entity.name} is disconnected. An admin must connect it again.`);
    }
    return this.cipher.decrypt(stored);
  }

  /** Cheap: counts in memory and coalesces the `last_webhook_at` write (flushed every few seconds). */
  async recordWebhookReceived(channelId: string, at: Date): Promise<void> {
    this.activity.record(channelId, at);
    const pending = this.pendingWebhookAt.get(channelId);
    if (!pending || pending < at) this.pendingWebhookAt.set(channelId, at);
    this.flushTimer ??= setTimeout(() => void this.flushWebhookTimes(), WEBHOOK_FLUSH_MS);
    this.flushTimer.unref?.();
  }

  /** Remembers the error on the channel; a rejected token (190 …) flips it to `needs_reauth` and tells everyone. */
  async recordGraphError(channelId: string, error: unknown): Promise<void> {
    const entity = await this.channels.findById(channelId);
    if (!entity) return;
    const stored = describeGraphError(error);
    await this.channels.update(entity, { lastGraphError: stored, lastGraphErrorAt: new Date() });
    if (stored.kind === 'reauth_required') {
      await this.markNeedsReauth(entity, stored.message, { code: stored.code, subcode: stored.subcode });
    } else {
      this.emitUpdated(entity);
    }
  }

  lookupCustomerProfile(channel: ChannelRef, customerExternalId: string): Promise<CustomerProfile> {
    return this.profiles.lookup(channel, customerExternalId, (error) => this.recordGraphError(channel.id, error));
  }

  // ── used by the channels module itself ─────────────────────────────────────────────────

  async list(): Promise<ChannelDto[]> {
    const [all, counts] = await Promise.all([this.channels.listAll(), this.channels.webhookCountsSince(epochMinute(Date.now()) - 59)]);
    for (const entity of all) this.hourCounts.set(entity.id, counts.get(entity.id) ?? 0);
    return all.map((entity) => this.toDto(entity));
  }

  /** Sync mapping for replies and events: uses the last counts read from the table plus what this replica has not flushed yet. */
  toDto(entity: AnyChannelEntity): ChannelDto {
    return toChannelDto(entity, (this.hourCounts.get(entity.id) ?? 0) + this.activity.pendingLastHour(entity.id));
  }

  async markNeedsReauth(entity: AnyChannelEntity, reason: string, details: Record<string, unknown> = {}): Promise<void> {
    if (entity.status !== ChannelStatus.ACTIVE) return;
    await this.channels.update(entity, { status: ChannelStatus.NEEDS_REAUTH, statusReason: reason });
    this.invalidate();
    await this.audit.record({
      actor: null,
      action: 'channel.needs_reauth',
      target: { type: targetType(entity), id: entity.id },
      details: { name: entity.name, reason, ...details },
    });
    this.logger.warn({ channelId: entity.id, reason }, 'channel needs re-authentication');
    this.emitUpdated(entity);
  }

  emitUpdated(entity: AnyChannelEntity): void {
    const payload = { channel: this.toDto(entity) };
    this.realtime.toRole(Role.ADMIN, 'channel.updated', payload);
    this.realtime.toRole(Role.AGENT, 'channel.updated', payload);
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
      await this.channels.addWebhookCounts(counts);
      for (const { channelId, count } of counts) this.hourCounts.set(channelId, (this.hourCounts.get(channelId) ?? 0) + count);
    } catch (error) {
      this.activity.restore(counts);
      this.logger.warn({ err: error }, 'could not record webhook counts');
    }
    const batch = [...this.pendingWebhookAt.entries()];
    this.pendingWebhookAt.clear();
    for (const [channelId, at] of batch) {
      try {
        await this.channels.advanceLastWebhook(channelId, at);
      } catch (error) {
        this.logger.warn({ err: error, channelId }, 'could not record webhook time');
      }
    }
  }

  /** Drops per-minute webhook counts older than two hours (the periodic health job calls it). */
  async pruneWebhookCounts(now = Date.now()): Promise<void> {
    await this.channels.pruneWebhookCounts(epochMinute(now) - 120);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pendingWebhookAt.size > 0 || this.activity.size > 0) await this.flushWebhookTimes().catch(() => undefined);
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }
}

export function targetType(entity: AnyChannelEntity): 'instagram_account' | 'facebook_page' {
  return 'igUserId' in entity ? 'instagram_account' : 'facebook_page';
}

/** Keeps only what is safe to store and show: codes, kind and the plain-language message. */
export function describeGraphError(error: unknown): StoredGraphError {
  if (isMetaGraphError(error)) {
    return { code: error.code ?? null, subcode: error.subcode ?? null, kind: error.kind, message: error.userMessage };
  }
  return { code: null, subcode: null, kind: 'unknown', message: 'Meta could not be reached or answered unexpectedly.' };
}
