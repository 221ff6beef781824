import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ChannelStatus, CommentBackfillDto, MessagePlatform } from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { AuthUser } from '../../../common/decorators/current-user.decorator';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit/audit.service';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import { JobLeases } from '../../jobs/job-leases.service';
import { MetaGraph } from '../../meta/meta.module';
import { toBackfillDto } from '../comment.mapper';
import { CommentsException, CommentsExceptionCode } from '../comments.exception';
import { CommentsGateway } from '../comments.gateway';
import { CommentBackfillEntity } from '../entities/comment-backfill.entity';
import { CommentPostEntity } from '../entities/comment-post.entity';
import { BackfillMerger } from './backfill-merger';
import { facebookPosts, FetchedPost, instagramPosts } from './graph-snapshots';

const SWEEP_MS = 15_000;
const FIRST_SWEEP_MS = 2_000;

/**
 * Fetches a channel's recent posts/media with their comments and replies from Graph and merges them
 * with what webhooks stored (idempotent by Meta's ids, never overwriting newer webhook state), so the
 * desk is full right after connecting and a webhook outage leaves no hole. Runs on demand and, for
 * channels never backfilled, on connect (a sweep every 15 s, the first 2 s after boot, in the one process holding its
 * job lease — two workers never start the same channel's first run). Progress is stored per run
 * and announced to admins (`comment.backfill_updated`). Rules do not run on backfilled comments.
 */
@Injectable()
export class CommentBackfillService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CommentBackfillService.name);
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CommentBackfillEntity) private readonly runs: Repository<CommentBackfillEntity>,
    private readonly channels: ChannelsService,
    private readonly graph: MetaGraph,
    private readonly merger: BackfillMerger,
    private readonly gateway: CommentsGateway,
    private readonly audit: AuditService,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.comments.backfillOnConnect || !this.config.webhooks.workerEnabled) return;
    this.leases.every('comments.backfill-sweep', SWEEP_MS, () => this.sweep(), FIRST_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  /** Starts a run per channel (all active ones when none is named); returns the runs as started. */
  async start(channelId: string | undefined, trigger: 'connect' | 'manual', requestedBy: AuthUser | null): Promise<CommentBackfillDto[]> {
    const targets = channelId
      ? [await this.channels.getById(channelId)]
      : (await this.channels.list()).filter((c) => c.status === ChannelStatus.ACTIVE).map((c) => c.id);
    const refs: ChannelRef[] = [];
    for (const target of targets) {
      const ref = typeof target === 'string' ? await this.channels.getById(target) : target;
      if (ref) refs.push(ref);
    }
    if (channelId && !refs.length) throw new CommentsException(CommentsExceptionCode.COMMENTS_CHANNEL_NOT_FOUND, 'No such channel.');
    const started: CommentBackfillDto[] = [];
    for (const channel of refs) {
      const existing = this.running.get(channel.id);
      if (existing) {
        const current = await this.runs.findOne({ where: { channelId: channel.id, status: 'running' }, order: { startedAt: 'DESC' } });
        if (current) started.push(toBackfillDto(current));
        continue;
      }
      const run = await this.runs.save(
        this.runs.create({
          channelId: channel.id,
          trigger,
          status: 'running',
          requestedBy: requestedBy?.id ?? null,
          postsDone: 0,
          commentsSeen: 0,
          commentsAdded: 0,
          error: null,
          startedAt: new Date(),
          finishedAt: null,
        }),
      );
      this.gateway.backfillUpdated(toBackfillDto(run));
      if (requestedBy)
        await this.audit.record({
          actor: requestedBy,
          action: 'comments.backfill_started',
          target: { type: channel.platform === MessagePlatform.INSTAGRAM ? 'instagram_account' : 'facebook_page', id: channel.id },
          details: { name: channel.name },
        });
      const task = this.execute(channel, run).finally(() => this.running.delete(channel.id));
      this.running.set(channel.id, task);
      started.push(toBackfillDto(run));
    }
    return started;
  }

  /** The latest run of every channel. */
  async latest(): Promise<CommentBackfillDto[]> {
    const rows = await this.runs.find({ order: { startedAt: 'DESC' }, take: 200 });
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.channelId) && seen.add(r.channelId)).map(toBackfillDto);
  }

  /** Resolves when every run started by this process finished (tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private async sweep(): Promise<void> {
    try {
      const active = (await this.channels.list()).filter((c) => c.status === ChannelStatus.ACTIVE);
      if (!active.length) return;
      const done = await this.runs.find({ select: { channelId: true }, where: { channelId: In(active.map((c) => c.id)) } });
      const known = new Set(done.map((r) => r.channelId));
      for (const channel of active) if (!known.has(channel.id)) await this.start(channel.id, 'connect', null);
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'comments backfill sweep failed');
    }
  }

  private async execute(channel: ChannelRef, run: CommentBackfillEntity): Promise<void> {
    try {
      const auth = (await this.channels.sendTarget(channel)).auth;
      const knownAds = await this.dataSource
        .getRepository(CommentPostEntity)
        .find({ where: { channelId: channel.id, isAd: true, lastCommentAt: Not(IsNull()) }, take: 25 });
      const posts: FetchedPost[] =
        channel.platform === MessagePlatform.INSTAGRAM
          ? await instagramPosts(
              this.graph,
              auth,
              channel.externalId,
              knownAds.map((p) => p.externalId),
            )
          : await facebookPosts(this.graph, auth, channel.externalId);
      if (channel.platform === MessagePlatform.INSTAGRAM) await this.merger.markEndedLives(channel, posts);
      for (const post of posts) {
        const merged = await this.merger.merge(channel, post);
        run.postsDone += 1;
        run.commentsSeen += merged.seen;
        run.commentsAdded += merged.added;
        await this.runs.update(
          { id: run.id },
          { postsDone: run.postsDone, commentsSeen: run.commentsSeen, commentsAdded: run.commentsAdded, updatedAt: new Date() },
        );
        this.gateway.backfillUpdated(toBackfillDto(run));
      }
      Object.assign(run, { status: 'done', finishedAt: new Date() });
    } catch (error) {
      const reason = isMetaGraphError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
      this.logger.warn({ channelId: channel.id, err: reason }, 'comments backfill failed');
      if (isMetaGraphError(error)) await this.channels.recordGraphError(channel.id, error).catch(() => undefined);
      Object.assign(run, { status: 'failed', error: reason.slice(0, 500), finishedAt: new Date() });
    }
    await this.runs.update({ id: run.id }, { status: run.status, error: run.error, finishedAt: run.finishedAt, updatedAt: new Date() });
    this.gateway.backfillUpdated(toBackfillDto(run));
  }
}
