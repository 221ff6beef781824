import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { DataSource } from 'typeorm';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import { MetaGraph } from '../../meta/meta.module';
import { toCommentDto } from '../comment.mapper';
import { CommentWriter } from '../comment-writer';
import { CommentsGateway } from '../comments.gateway';
import { CommentPostEntity } from '../entities/comment-post.entity';
import type { CommentEntity } from '../entities/comment.entity';

const REFRESH_MS = 6 * 3_600_000;

/**
 * After a comment is stored, fetches from Graph what its webhook did not carry: the post's caption,
 * thumbnail and permalink (once, then every few hours), and a mention's text (the `mentions` webhook
 * has only ids). Best effort, outside every transaction; concurrent requests for one post share a fetch.
 */
@Injectable()
export class CommentEnricher {
  private readonly logger = new Logger(CommentEnricher.name);
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: MetaGraph,
    private readonly channels: ChannelsService,
    private readonly writer: CommentWriter,
    private readonly gateway: CommentsGateway,
  ) {}

  enqueue(channel: ChannelRef, comment: CommentEntity): void {
    const tasks: Promise<void>[] = [];
    if (comment.objectExternalId && comment.kind !== 'mention')
      tasks.push(this.once(`post:${channel.id}:${comment.objectExternalId}`, () => this.post(channel, comment.objectExternalId as string)));
    if (comment.kind === 'mention' && channel.platform === MessagePlatform.INSTAGRAM)
      tasks.push(this.once(`mention:${comment.id}`, () => this.mention(channel, comment)));
    for (const task of tasks)
      task.catch((error) => this.logger.debug?.({ err: error instanceof Error ? error.message : String(error) }, 'comment enrichment failed'));
  }

  /** Resolves when every enrichment started so far finished (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  private once(key: string, work: () => Promise<void>): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const task = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, task);
    return task;
  }

  private async post(channel: ChannelRef, externalId: string): Promise<void> {
    const stored = await this.dataSource.getRepository(CommentPostEntity).findOneBy({ channelId: channel.id, externalId });
    if (stored?.fetchedAt && Date.now() - stored.fetchedAt.getTime() < REFRESH_MS) return;
    const auth = (await this.channels.sendTarget(channel)).auth;
    const now = new Date();
    if (channel.platform === MessagePlatform.INSTAGRAM) {
      const media = await this.graph.comments.getInstagramMedia(auth, externalId);
      await this.dataSource.transaction((m) =>
        this.writer.touchPost(m, {
          channelId: channel.id,
          platform: channel.platform,
          externalId,
          productType: media.media_product_type ?? null,
          caption: media.caption ?? null,
          permalinkUrl: media.permalink ?? null,
          thumbnailUrl: media.thumbnail_url ?? media.media_url ?? null,
          postedAt: media.timestamp ? new Date(media.timestamp) : null,
          fetchedAt: now,
        }),
      );
      return;
    }
    const post = await this.graph.comments.getFacebookPost(auth, externalId);
    await this.dataSource.transaction((m) =>
      this.writer.touchPost(m, {
        channelId: channel.id,
        platform: channel.platform,
        externalId,
        caption: post.message ?? null,
        permalinkUrl: post.permalink_url ?? null,
        thumbnailUrl: post.full_picture ?? null,
        postedAt: post.created_time ? new Date(post.created_time) : null,
        fetchedAt: now,
      }),
    );
  }

  /** `mentioned_comment.comment_id(…)` / `mentioned_media.media_id(…)` on the account: the text and where. */
  private async mention(channel: ChannelRef, comment: CommentEntity): Promise<void> {
    const auth = (await this.channels.sendTarget(channel)).auth;
    const isComment = !comment.externalId.startsWith('mention:');
    const found = isComment
      ? await this.graph.comments.getMentionedComment(auth, channel.externalId, comment.externalId, 'id,text,timestamp,username,media{id,permalink}')
      : comment.objectExternalId
        ? await this.graph.comments.getMentionedMedia(auth, channel.externalId, comment.objectExternalId)
        : undefined;
    if (!found) return;
    const text = 'text' in found ? found.text : (found as { caption?: string }).caption;
    const permalink = 'permalink' in found ? (found as { permalink?: string }).permalink : (found as { media?: { permalink?: string } }).media?.permalink;
    const saved = await this.dataSource.transaction(async (m) => {
      const fresh = await this.writer.lockById(m, comment.id);
      if (!fresh) return null;
      fresh.text ??= text ?? null;
      fresh.authorUsername ??= found.username?.slice(0, 64) ?? null;
      fresh.permalinkUrl ??= permalink?.slice(0, 1024) ?? null;
      if (found.timestamp) fresh.commentedAt = new Date(found.timestamp);
      return this.writer.save(m, fresh);
    });
    if (saved) this.gateway.updated(toCommentDto(saved));
  }
}
