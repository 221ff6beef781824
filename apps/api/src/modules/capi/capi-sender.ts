import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CapiSettingsService, CapiTarget } from './capi-settings.service';
import { CapiGateway } from './capi.gateway';
import { toEventDto, toOutcomeDto } from './capi.mapper';
import { judgeFailure, tooOldForMeta, UNCERTAIN_MESSAGE } from './capi.rules';
import { CapiEventEntity } from './entities/capi-event.entity';
import { CapiEventRepository } from './repositories/capi-event.repository';
import { ConversionOutcomeRepository } from './repositories/conversion-outcome.repository';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { MetaGraph } from '../meta/meta.module';

const CLAIM_LIMIT = 200;
/** Events per request (Meta takes up to 1,000; one bad event rejects the whole request). */
const BATCH_SIZE = 100;
/** A `sending` row older than this belongs to a process that stopped mid-request. */
export const SENDING_LEASE_MS = 5 * 60_000;

/**
 * Delivers the outbox: claims due events, sends them per channel in batches, and moves each to
 * `accepted`, `retrying` (Meta's temporary errors, with backoff), `failed` (refused or not set up) or
 * `uncertain` (the request may have reached Meta). The attempt is counted before the call and the
 * answer is written with a conditional update, so an event Meta accepted is never sent again — and
 * one caught mid-request by a crash is never repeated automatically (Meta does not deduplicate
 * business-messaging events).
 */
@Injectable()
export class CapiSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CapiSender.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: CapiEventRepository,
    private readonly outcomes: ConversionOutcomeRepository,
    private readonly settings: CapiSettingsService,
    private readonly graph: MetaGraph,
    private readonly gateway: CapiGateway,
    private readonly conversations: ScopedConversationRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.capi.sendIntervalMs <= 0) return;
    this.timer = setInterval(() => this.wake(), this.config.capi.sendIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Runs a pass now (or right after the one in progress). */
  wake(): void {
    if (this.stopped || this.config.capi.sendIntervalMs <= 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((err: unknown) => this.logger.error({ err }, 'Conversions API pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Waits for the pass in progress, if any (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async runOnce(now: Date = new Date()): Promise<void> {
    await this.recoverStale(now);
    const token = randomUUID();
    const claimed = await this.events.claimDue(now, CLAIM_LIMIT, token);
    const byChannel = new Map<string, CapiEventEntity[]>();
    for (const e of claimed) byChannel.set(e.channelId, [...(byChannel.get(e.channelId) ?? []), e]);
    for (const [channelId, rows] of byChannel) await this.sendChannel(channelId, rows, token);
  }

  /** `sending` rows whose process stopped before Meta's answer was stored: never resent on their own. */
  async recoverStale(now: Date): Promise<void> {
    for (const row of await this.events.staleSending(new Date(now.getTime() - SENDING_LEASE_MS))) {
      if (await this.events.markUncertain(row.id, null, UNCERTAIN_MESSAGE, now)) await this.announce([row.id]);
    }
  }

  private async sendChannel(channelId: string, rows: CapiEventEntity[], token: string): Promise<void> {
    const target = await this.settings.target(channelId);
    if ('problem' in target) {
      await this.finish(rows, token, { status: 'failed', message: target.problem });
      return;
    }
    const now = Date.now();
    const stale = rows.filter((r) => tooOldForMeta(r.payload.event_time, now));
    await this.finish(stale, token, { status: 'failed', message: 'Not sent: Meta only accepts events from the last 7 days, and this one is older.' });
    const fresh = rows.filter((r) => !stale.includes(r));
    for (let i = 0; i < fresh.length; i += BATCH_SIZE) await this.sendBatch(target, fresh.slice(i, i + BATCH_SIZE), token);
  }

  private async sendBatch(target: CapiTarget, rows: CapiEventEntity[], token: string): Promise<void> {
    const { settings, channel } = target;
    const ids = rows.map((r) => r.id);
    await this.events.countAttempt(ids, token, new Date());
    const sentAt = new Date();
    const where = { datasetId: settings.datasetId, testEventCode: settings.testEventCode, sentAt };
    try {
      const result = await this.graph.capi.sendEvents(
        target.auth,
        settings.datasetId as string,
        rows.map((r) => r.payload),
        { testEventCode: settings.testEventCode ?? undefined },
      );
      const answer = result.batches[0];
      await this.finish(rows, token, {
        ...where,
        status: 'accepted',
        message: null,
        eventsReceived: result.eventsReceived,
        fbtraceId: answer?.fbtrace_id ?? null,
      });
    } catch (error) {
      // one invalid event rejects Meta's whole request: send each on its own so only the bad one fails
      const verdict = judgeFailure(
        error,
        Math.max(...rows.map((r) => r.attempts + 1)),
        this.config.capi.maxAttempts,
        this.config.capi.retryBaseMs,
        channel.name,
      );
      if (verdict.status === 'failed' && rows.length > 1 && !verdict.channelProblem) {
        for (const row of rows) await this.sendBatch(target, [row], token);
        return;
      }
      if (verdict.status === 'failed' && verdict.channelProblem) await this.settings.recordChannelProblem(channel.id, error);
      if (verdict.status === 'retrying') {
        await this.finish(rows, token, { ...where, status: 'retrying', message: verdict.message, nextAttemptAt: new Date(Date.now() + verdict.delayMs) });
      } else {
        await this.finish(rows, token, { ...where, status: verdict.status, message: verdict.message });
      }
      this.logger.warn(
        { channelId: channel.id, events: ids.length, status: verdict.status, err: error instanceof Error ? error.message : String(error) },
        'Conversions API send did not go through',
      );
    }
  }

  private async finish(rows: CapiEventEntity[], token: string, patch: Parameters<CapiEventRepository['finish']>[2]): Promise<void> {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    await this.events.finish(ids, token, patch, new Date());
    await this.announce(ids);
  }

  private async announce(ids: string[]): Promise<void> {
    const rows = await this.events.findByIds(ids);
    for (const row of rows) {
      this.gateway.eventUpdated(toEventDto(row));
      const outcome = await this.outcomes.findById(row.outcomeId);
      const conversation = await this.conversations.findById(row.conversationId);
      if (outcome && conversation) this.gateway.outcomeUpdated(toOutcomeDto(outcome, row), conversation.assigneeId);
    }
  }
}
