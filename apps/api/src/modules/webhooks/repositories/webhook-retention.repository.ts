import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { deleteInBatches } from '../../../database/delete-in-batches';
import { AppliedEventEntity } from '../entities/applied-event.entity';
import { WebhookEventEntity } from '../entities/webhook-event.entity';

/** Webhook rows whose work is done; `dead` and `failed` rows stay for admins to inspect and replay. */
const FINISHED = ['processed', 'unsupported', 'rejected'] as const;

/** Pruning of the webhook inbox and the idempotency keys, for the retention job. */
@Injectable()
export class WebhookRetentionRepository {
  constructor(
    @InjectRepository(WebhookEventEntity) private readonly events: Repository<WebhookEventEntity>,
    @InjectRepository(AppliedEventEntity) private readonly applied: Repository<AppliedEventEntity>,
  ) {}

  pruneFinishedEvents(receivedBefore: Date, batchSize: number): Promise<number> {
    return deleteInBatches(this.events, 'id', { status: In([...FINISHED]), receivedAt: LessThan(receivedBefore) }, batchSize);
  }

  pruneAppliedEvents(appliedBefore: Date, batchSize: number): Promise<number> {
    return deleteInBatches(this.applied, 'dedupeKey', { appliedAt: LessThan(appliedBefore) }, batchSize);
  }
}
