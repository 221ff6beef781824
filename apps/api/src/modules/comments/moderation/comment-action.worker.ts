import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { ChannelsService } from '../../channels/channels.service';
import { CommentActionEntity } from '../entities/comment-action.entity';
import { CommentEntity } from '../entities/comment.entity';
import { CommentActionExecutor } from './comment-action.executor';

const BATCH = 20;
const LEASE_MS = 120_000;

/**
 * Works the queue of Graph actions in `comment_actions` (rules' actions, and private replies waiting
 * for Meta's hourly limit): claims due rows by compare-and-set (`queued` → `running` with a lease, so
 * any number of replicas can run it), runs them through {@link CommentActionExecutor}, and takes back
 * rows whose lease ran out (a crashed process). Woken when work is queued; polls otherwise.
 */
@Injectable()
export class CommentActionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CommentActionWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(CommentActionEntity) private readonly actions: Repository<CommentActionEntity>,
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    private readonly channels: ChannelsService,
    private readonly executor: CommentActionExecutor,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhooks.workerEnabled) this.schedule(1_000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Look for due work now (after queueing some). */
  wake(): void {
    if (this.stopped || !this.config.webhooks.workerEnabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Runs due work until none is left (tests call it to settle). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    while ((await this.tick()) > 0) {
      // keep going while rows were due
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => {
        this.running = null;
        this.schedule(this.again ? 0 : this.config.comments.queuePollMs);
        this.again = false;
      });
    }, ms);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.tick()) > 0) {
        // drain
      }
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'comment queue tick failed');
    }
  }

  /** One round: recover expired leases, claim due rows, run them. Returns how many ran. */
  private async tick(): Promise<number> {
    const now = new Date();
    await this.actions.update({ status: 'running', leaseUntil: LessThanOrEqual(now) }, { status: 'queued', leaseUntil: null, updatedAt: now });
    const due = await this.actions.find({
      select: { id: true },
      where: [
        { status: 'queued', nextAttemptAt: LessThanOrEqual(now) },
        { status: 'queued', nextAttemptAt: IsNull() },
      ],
      order: { nextAttemptAt: 'ASC' },
      take: BATCH,
    });
    let ran = 0;
    for (const { id } of due) {
      const claimed = await this.actions
        .createQueryBuilder()
        .update(CommentActionEntity)
        .set({ status: 'running', leaseUntil: new Date(Date.now() + LEASE_MS), attempts: () => 'attempts + 1', updatedAt: new Date() })
        .where('id = :id AND status = :queued', { id, queued: 'queued' })
        .execute();
      if (!claimed.affected) continue;
      ran += 1;
      await this.runOne(id);
    }
    return ran;
  }

  private async runOne(id: string): Promise<void> {
    const row = await this.actions.findOneByOrFail({ id });
    const comment = await this.comments.findOneBy({ id: row.commentId });
    const channel = comment ? await this.channels.getById(comment.channelId) : null;
    if (!comment || !channel) {
      await this.actions.update(
        { id },
        {
          status: 'failed',
          errorMessage: comment ? 'The channel was disconnected.' : 'The comment no longer exists.',
          finishedAt: new Date(),
          leaseUntil: null,
        },
      );
      return;
    }
    if (comment.removedAt) {
      await this.actions.update(
        { id },
        { status: 'skipped', errorMessage: 'The comment was deleted before this could run.', finishedAt: new Date(), leaseUntil: null },
      );
      return;
    }
    try {
      await this.executor.run(channel, comment, row, { deferTransient: true });
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error), actionId: id }, 'queued comment action failed; retried after its lease');
    }
  }
}
