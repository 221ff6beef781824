import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CapiEventEntity } from '../entities/capi-event.entity';
import { ConversionOutcomeEntity } from '../entities/conversion-outcome.entity';

/** The only code that queries `conversion_outcomes`. */
@Injectable()
export class ConversionOutcomeRepository {
  constructor(@InjectRepository(ConversionOutcomeEntity) private readonly outcomes: Repository<ConversionOutcomeEntity>) {}

  /** The outcome and its outbox row, in one transaction (nothing else happens inside it). */
  async recordWithEvent(
    outcome: Partial<ConversionOutcomeEntity>,
    event: (saved: ConversionOutcomeEntity) => Partial<CapiEventEntity>,
  ): Promise<{ outcome: ConversionOutcomeEntity; event: CapiEventEntity }> {
    return this.outcomes.manager.transaction(async (m: EntityManager) => {
      const saved = await m.save(m.create(ConversionOutcomeEntity, outcome));
      const row = await m.save(m.create(CapiEventEntity, event(saved)));
      return { outcome: saved, event: row };
    });
  }

  findById(id: string): Promise<ConversionOutcomeEntity | null> {
    return this.outcomes.findOneBy({ id });
  }

  listByConversation(conversationId: string): Promise<ConversionOutcomeEntity[]> {
    return this.outcomes.find({ where: { conversationId }, order: { occurredAt: 'DESC', id: 'DESC' } });
  }

  async listByConversations(conversationIds: string[]): Promise<ConversionOutcomeEntity[]> {
    const out: ConversionOutcomeEntity[] = [];
    for (let i = 0; i < conversationIds.length; i += 500) {
      out.push(...(await this.outcomes.find({ where: { conversationId: In(conversationIds.slice(i, i + 500)) }, order: { occurredAt: 'ASC' } })));
    }
    return out;
  }
}
