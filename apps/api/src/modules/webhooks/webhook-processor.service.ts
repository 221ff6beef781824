import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessagePlatform, NormalizedEvent, Role, WebhookEventItemDto } from '@ticklegram/domain-models';
import { normalizeWebhook } from '@ticklegram/webhook-normalizer';
import { DataSource, QueryFailedError } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ChannelRef, ChannelsService } from '../channels/channels.service';
import { CommentEventsApplier } from '../comments/comment-events.applier';
import { ConversationEventsApplier } from '../inbox/conversation-events.applier';
import { StoryInsightsApplier } from '../insights/story-insights.applier';
import { RealtimeService } from '../realtime/realtime.service';
import { ApplyContext, EventApplier } from './appliers/apply-context';
import { insertRow } from './appliers/fast-insert';
import { AppliedEventEntity } from './entities/applied-event.entity';
import { WebhookEventEntity } from './entities/webhook-event.entity';
import { toWebhookEventDto } from './webhook-event.mapper';
import { WebhookEventRepository } from './repositories/webhook-event.repository';

const MAX_BACKOFF_MS = 10 * 60_000;

/** MySQL ER_DUP_ENTRY, SQLite UNIQUE / PRIMARY KEY constraint. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; errno?: number } | undefined;
  return driver?.code === 'ER_DUP_ENTRY' || driver?.errno === 1062 || driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** MySQL deadlock / lock wait timeout: the transaction was rolled back and may simply run again. */
export function isRetryableLockError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { errno?: number } | undefined;
  return driver?.errno === 1213 || driver?.errno === 1205;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 4000);
}

class DuplicateEvent extends Error {}

/**
 * Turns one stored delivery into applied state: normalise, resolve channels, then apply every event
 * in its own transaction (deduplicated by `applied_events`), then run the after-commit effects.
 * A failing event does not stop the others; the row is retried with backoff (applied events are
 * no-ops the next time) and becomes `dead` after the last attempt.
 */
@Injectable()
export class WebhookProcessor {
  private readonly logger = new Logger(WebhookProcessor.name);
  private readonly appliers: EventApplier[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: WebhookEventRepository,
    private readonly channels: ChannelsService,
    private readonly realtime: RealtimeService,
    conversations: ConversationEventsApplier,
    comments: CommentEventsApplier,
    insights: StoryInsightsApplier,
  ) {
    this.appliers = [conversations, comments, insights] as EventApplier[];
  }

  async process(row: WebhookEventEntity, workerId: string): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(row.rawBody);
    } catch (error) {
      // rejected rows never reach the queue; a replayed one fails the same way
      await this.finishFailed(row, workerId, new Error(`body is not JSON: ${errorText(error)}`), null, true);
      return;
    }
    const events = normalizeWebhook(body, { appId: this.config.meta.appId });
    const channelCache = new Map<string, Promise<ChannelRef | null>>();
    const resolve = (platform: MessagePlatform, externalId: string) => {
      const key = `${platform}:${externalId}`;
      let found = channelCache.get(key);
      if (!found) {
        found = this.channels.resolveByExternalId(platform, externalId);
        channelCache.set(key, found);
      }
      return found;
    };
    await this.recordEntries(body, resolve);

    const items: WebhookEventItemDto[] = [];
    const failures: string[] = [];
    for (const event of events) {
      try {
        items.push(await this.applyOne(event, row.id, resolve));
      } catch (error) {
        this.logger.warn({ webhookEventId: row.id, type: event.type, dedupeKey: event.dedupeKey, error: errorText(error) }, 'webhook event failed');
        failures.push(`${event.type} ${event.dedupeKey}: ${errorText(error)}`);
        items.push({ type: event.type, dedupeKey: event.dedupeKey, channelExternalId: event.channelExternalId, outcome: 'failed', detail: `${errorText(error).slice(0, 300)}` });
      }
    }

    if (failures.length) {
      await this.finishFailed(row, workerId, new Error(failures.join('\n')), items, false);
      return;
    }
    const unsupportedCount = items.filter((i) => i.outcome === 'unsupported').length;
    await this.events.finish(row.id, workerId, { status: unsupportedCount ? 'unsupported' : 'processed', items, eventCount: events.length, unsupportedCount });
  }

  private async applyOne(event: NormalizedEvent, webhookEventId: number, resolve: (p: MessagePlatform, id: string) => Promise<ChannelRef | null>): Promise<WebhookEventItemDto> {
    const item = (outcome: WebhookEventItemDto['outcome'], detail?: string): WebhookEventItemDto => ({
      type: event.type,
      dedupeKey: event.dedupeKey,
      channelExternalId: event.channelExternalId,
      outcome,
      ...(detail ? { detail } : {}),
    });
    if (event.type === 'unsupported') return item('unsupported', `${event.reason}: ${event.detail}`.slice(0, 300));
    if (event.isTest) return item('ignored_test');
    const channel = await this.resolveChannel(event, resolve);
    if (!channel) return item('unknown_channel', `no connected channel ${event.platform} ${event.channelExternalId}`);
    const applier = this.appliers.find((a) => a.supports(event));
    if (!applier) return item('noted', `${event.type} kept in the raw event`);

    // network work (profile lookups) happens before the transaction and realtime/media after it: on SQLite,
    // TypeORM's better-sqlite3 driver shares ONE connection, so a transaction that awaited real I/O would let
    // concurrent writes (the receiver's INSERT of an acknowledged webhook) run inside it and vanish on rollback
    const prepared = applier.prepare ? await applier.prepare(event, channel) : undefined;
    // a few immediate retries cover races with another worker (same contact/conversation created, deadlock)
    for (let attempt = 1; ; attempt += 1) {
      const effects: (() => void | Promise<void>)[] = [];
      try {
        const result = await this.dataSource.transaction(async (manager) => {
          try {
            await insertRow(manager, AppliedEventEntity, { dedupeKey: event.dedupeKey, type: event.type, webhookEventId, appliedAt: new Date() });
          } catch (error) {
            if (isDuplicateKeyError(error)) throw new DuplicateEvent();
            throw error;
          }
          const ctx: ApplyContext = { webhookEventId, channel, manager, afterCommit: (effect) => effects.push(effect) };
          return applier.apply(event, ctx, prepared);
        });
        for (const effect of effects) {
          try {
            await effect();
          } catch (error) {
            this.logger.warn({ error: errorText(error) }, 'after-commit effect failed');
          }
        }
        return item(result.outcome, result.detail);
      } catch (error) {
        if (error instanceof DuplicateEvent) return item('duplicate');
        if (attempt < 4 && (isDuplicateKeyError(error) || isRetryableLockError(error))) continue;
        throw error;
      }
    }
  }

  private async resolveChannel(event: NormalizedEvent, resolve: (p: MessagePlatform, id: string) => Promise<ChannelRef | null>): Promise<ChannelRef | null> {
    if (!event.platform || !event.channelExternalId) return null;
    const byEntry = await resolve(event.platform, event.channelExternalId);
    if (byEntry) return byEntry;
    // Instagram Login: the business id in the event can differ from entry.id
    const business = 'businessExternalId' in event ? event.businessExternalId : null;
    return business && business !== event.channelExternalId ? resolve(event.platform, business) : null;
  }

  /** Channel health: every entry counts as a webhook received for its channel. */
  private async recordEntries(body: unknown, resolve: (p: MessagePlatform, id: string) => Promise<ChannelRef | null>): Promise<void> {
    if (typeof body !== 'object' || body === null) return;
    const { object, entry } = body as { object?: unknown; entry?: unknown };
    const platform = object === 'instagram' ? MessagePlatform.INSTAGRAM : object === 'page' ? MessagePlatform.FACEBOOK : null;
    if (!platform || !Array.isArray(entry)) return;
    const seen = new Set<string>();
    for (const e of entry) {
      const id = typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : undefined;
      if ((typeof id !== 'string' && typeof id !== 'number') || seen.has(String(id))) continue;
      seen.add(String(id));
      const channel = await resolve(platform, String(id));
      if (channel) await this.channels.recordWebhookReceived(channel.id, new Date());
    }
  }

  private async finishFailed(row: WebhookEventEntity, workerId: string, error: Error, items: WebhookEventItemDto[] | null, final: boolean): Promise<void> {
    const { maxAttempts, retryBaseMs } = this.config.webhooks;
    const dead = final || row.attempts >= maxAttempts;
    const backoff = Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** Math.max(0, row.attempts - 1));
    const nextAttemptAt = new Date(Date.now() + (dead ? 0 : Math.round(backoff * (0.8 + Math.random() * 0.4))));
    const lastError = errorText(error);
    const updated = await this.events.fail(row.id, workerId, { status: dead ? 'dead' : 'failed', lastError, nextAttemptAt, items });
    if (dead && updated) {
      this.logger.error({ webhookEventId: row.id, attempts: row.attempts, error: lastError }, 'webhook event is dead');
      const fresh = await this.events.findById(row.id);
      if (fresh) this.realtime.toRole(Role.ADMIN, 'webhook.failed', toWebhookEventDto(fresh));
    }
  }
}
