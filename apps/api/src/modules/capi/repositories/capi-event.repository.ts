import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CapiEventStatus } from '@ticklegram/domain-models';
import { Brackets, In, IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { CapiEventEntity } from '../entities/capi-event.entity';

const IN_CHUNK = 500;

export interface EventListFilter {
  status?: CapiEventStatus;
  channelId?: string;
  before?: { at: Date; id: string };
  limit: number;
}

/**
 * The only code that queries `capi_events`. Every change of status is a conditional UPDATE on the
 * status it expects (and, while sending, the claim token), so two workers or a late answer cannot
 * move an event that someone else already moved.
 */
@Injectable()
export class CapiEventRepository {
  constructor(@InjectRepository(CapiEventEntity) private readonly events: Repository<CapiEventEntity>) {}

  findById(id: string): Promise<CapiEventEntity | null> {
    return this.events.findOneBy({ id });
  }

  async byOutcomeIds(outcomeIds: string[]): Promise<Map<string, CapiEventEntity>> {
    const out = new Map<string, CapiEventEntity>();
    for (let i = 0; i < outcomeIds.length; i += IN_CHUNK) {
      for (const row of await this.events.findBy({ outcomeId: In(outcomeIds.slice(i, i + IN_CHUNK)) })) out.set(row.outcomeId, row);
    }
    return out;
  }

  list(filter: EventListFilter): Promise<CapiEventEntity[]> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(filter.limit);
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.channelId) qb.andWhere('e.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.before) {
      const { at, id } = filter.before;
      qb.andWhere(new Brackets((w) => w.where('e.created_at < :at', { at }).orWhere('e.created_at = :at AND e.id < :id', { at, id })));
    }
    return qb.getMany();
  }

  /** Claims due events for one worker pass: only rows still queued/retrying move to `sending` under `token`. */
  async claimDue(now: Date, limit: number, token: string): Promise<CapiEventEntity[]> {
    const due = await this.events.find({
      select: { id: true },
      where: [
        { status: 'queued', nextAttemptAt: IsNull() },
        { status: 'queued', nextAttemptAt: LessThanOrEqual(now) },
        { status: 'retrying', nextAttemptAt: LessThanOrEqual(now) },
      ],
      order: { createdAt: 'ASC' },
      take: limit,
    });
    if (due.length === 0) return [];
    await this.events
      .createQueryBuilder()
      .update(CapiEventEntity)
      .set({ status: 'sending', claimToken: token, claimedAt: now, updatedAt: now })
      .where('id IN (:...ids)', { ids: due.map((d) => d.id) })
      .andWhere('status IN (:...statuses)', { statuses: ['queued', 'retrying'] })
      .execute();
    return this.events.find({ where: { claimToken: token, status: 'sending' }, order: { createdAt: 'ASC' } });
  }

  /** The attempt is about to go to Meta: counted before the call, so a crash cannot hide it. */
  async countAttempt(ids: string[], token: string, now: Date): Promise<void> {
    await this.events
      .createQueryBuilder()
      .update(CapiEventEntity)
      .set({ attempts: () => 'attempts + 1', updatedAt: now })
      .where('id IN (:...ids)', { ids })
      .andWhere('claim_token = :token AND status = :status', { token, status: 'sending' })
      .execute();
  }

  /** Moves claimed events on; returns how many moved (0 when the claim was lost). */
  async finish(
    ids: string[],
    token: string,
    patch: Partial<Pick<CapiEventEntity, 'status' | 'message' | 'nextAttemptAt' | 'eventsReceived' | 'fbtraceId' | 'sentAt' | 'datasetId' | 'testEventCode'>>,
    now: Date,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.events
      .createQueryBuilder()
      .update(CapiEventEntity)
      .set({ ...patch, claimToken: null, updatedAt: now })
      .where('id IN (:...ids)', { ids })
      .andWhere('claim_token = :token AND status = :status', { token, status: 'sending' })
      .execute();
    return result.affected ?? 0;
  }

  /** Events left `sending` by a process that stopped mid-request: Meta may or may not have them. */
  async staleSending(claimedBefore: Date): Promise<CapiEventEntity[]> {
    return this.events.findBy({ status: 'sending', claimedAt: LessThan(claimedBefore) });
  }

  async markUncertain(id: string, expectedToken: string | null, message: string, now: Date): Promise<boolean> {
    const qb = this.events
      .createQueryBuilder()
      .update(CapiEventEntity)
      .set({ status: 'uncertain', message, claimToken: null, updatedAt: now })
      .where('id = :id AND status = :status', { id, status: 'sending' });
    if (expectedToken) qb.andWhere('claim_token = :token', { token: expectedToken });
    return ((await qb.execute()).affected ?? 0) > 0;
  }

  /** Failed or uncertain → queued again (same event_id); false when it was not in one of those states. */
  async requeue(id: string, from: CapiEventStatus[], now: Date): Promise<boolean> {
    const result = await this.events
      .createQueryBuilder()
      .update(CapiEventEntity)
      .set({ status: 'queued', nextAttemptAt: null, message: null, attempts: 0, updatedAt: now })
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  findByIds(ids: string[]): Promise<CapiEventEntity[]> {
    return ids.length ? this.events.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** How many events are in `status`. */
  countByStatus(status: CapiEventStatus): Promise<number> {
    return this.events.countBy({ status });
  }
}
