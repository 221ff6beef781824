import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { CommentActionEntity } from '../entities/comment-action.entity';

const HOUR_MS = 3_600_000;

/**
 * Meta's 750 private replies per hour per Page / Instagram account, counted from the private replies
 * this api sent in the last hour (`comment_actions`), so every replica sees the same budget.
 */
@Injectable()
export class PrivateReplyBudget {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(CommentActionEntity) private readonly actions: Repository<CommentActionEntity>,
  ) {}

  get perHour(): number {
    return this.config.comments.privateRepliesPerHour;
  }

  /** Null when a private reply may go now; otherwise when the oldest one of the last hour leaves the window. */
  async nextSlot(channelId: string, now = new Date()): Promise<Date | null> {
    const since = new Date(now.getTime() - HOUR_MS);
    const sent = await this.actions.find({
      select: { id: true, finishedAt: true },
      where: { channelId, action: 'private_reply', status: 'done', finishedAt: MoreThan(since) },
      order: { finishedAt: 'ASC' },
      take: this.perHour,
    });
    if (sent.length < this.perHour) return null;
    const oldest = sent[0]?.finishedAt ?? now;
    return new Date(oldest.getTime() + HOUR_MS + 1_000);
  }
}
