import { ChannelStatus } from '@ticklegram/domain-models';
import { FindOptionsOrder, FindOptionsWhere, In, Repository } from 'typeorm';
import type { ChannelAccountStore } from '../channel-platform';
import { ChannelBaseEntity } from '../entities/channel-base.entity';

/**
 * The common-column queries of a platform's channel table, shared by `InstagramAccountRepository` and
 * `FacebookPageRepository` (each passes its TypeORM repository and the column holding Meta's id).
 */
export class ChannelAccountTable<T extends ChannelBaseEntity> implements ChannelAccountStore<T> {
  constructor(
    protected readonly repo: Repository<T>,
    private readonly externalIdColumn: keyof T & string,
  ) {}

  findById(id: string): Promise<T | null> {
    return this.repo.findOne({ where: { id } as FindOptionsWhere<T> });
  }

  findByExternalId(externalId: string): Promise<T | null> {
    return this.repo.findOne({ where: { [this.externalIdColumn]: externalId } as FindOptionsWhere<T> });
  }

  /** Every row (oldest connection first), or those in one of `statuses`. */
  list(statuses?: ChannelStatus[]): Promise<T[]> {
    if (statuses) return this.repo.find({ where: { status: In(statuses) } as FindOptionsWhere<T> });
    return this.repo.find({ order: { connectedAt: 'ASC' } as FindOptionsOrder<T> });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async update(entity: T, patch: Partial<ChannelBaseEntity>): Promise<void> {
    await this.common().update({ id: entity.id }, { ...patch, updatedAt: new Date() });
    Object.assign(entity, patch);
  }

  async readEncryptedToken(entity: T): Promise<string | null> {
    const row = await this.common().createQueryBuilder('c').select('c.id').addSelect('c.accessTokenEnc').where('c.id = :id', { id: entity.id }).getOne();
    return row?.accessTokenEnc ?? null;
  }

  async advanceLastWebhook(id: string, at: Date): Promise<void> {
    await this.common()
      .createQueryBuilder()
      .update()
      .set({ lastWebhookAt: at })
      .where('id = :id', { id })
      .andWhere('(last_webhook_at IS NULL OR last_webhook_at < :at)', { at })
      .execute();
  }

  create(values: Partial<T>): T {
    return this.repo.create(values as T);
  }

  save(entity: T): Promise<T> {
    return this.repo.save(entity);
  }

  /** The same table typed by its common columns (TypeORM's generics cannot see that T extends them). */
  private common(): Repository<ChannelBaseEntity> {
    return this.repo as unknown as Repository<ChannelBaseEntity>;
  }
}
