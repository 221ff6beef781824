import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { Caller, ConversationAccessPolicy } from '../conversation-access.policy';

/** The columns agents' actions change; assignment has its own compare-and-set. */
export type ConversationPatch = Partial<Pick<ConversationEntity, 'status' | 'unreadCount' | 'priority'>>;

/**
 * Conversation reads for the outbound pipeline, assignment and collaboration. Every read takes the
 * caller; a conversation outside their scope is indistinguishable from one that does not exist.
 */
@Injectable()
export class ScopedConversationRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
  ) {}

  findVisible(caller: Caller, id: string, manager?: EntityManager): Promise<ConversationEntity | null> {
    const repo = manager ? manager.getRepository(ConversationEntity) : this.conversations;
    return repo.findOne({ where: ConversationAccessPolicy.where(caller, { id }) });
  }

  /** For system work (round-robin, events): no caller scope. */
  findById(id: string, manager?: EntityManager): Promise<ConversationEntity | null> {
    const repo = manager ? manager.getRepository(ConversationEntity) : this.conversations;
    return repo.findOne({ where: { id } });
  }

  contactOf(conversation: Pick<ConversationEntity, 'contactId'>): Promise<ContactEntity> {
    return this.contacts.findOneByOrFail({ id: conversation.contactId });
  }

  /**
   * Writes only `patch` (one UPDATE), never a whole entity loaded earlier: saving a stale copy would put
   * back whatever changed meanwhile (a teammate's reassignment, a new customer message's unread count).
   * With `onlyIf`, only while those columns still hold those values (compare-and-set); false when not.
   */
  async update(id: string, patch: ConversationPatch, onlyIf: Partial<Pick<ConversationEntity, 'status'>> = {}): Promise<boolean> {
    const qb = this.conversations
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ ...patch, updatedAt: new Date() })
      .where('id = :id', { id });
    if (onlyIf.status !== undefined) qb.andWhere('status = :expectedStatus', { expectedStatus: onlyIf.status });
    const result = await qb.execute();
    return (result.affected ?? 0) > 0;
  }

  /** The conversation's last message becomes this one, unless a newer one is already recorded. */
  async recordLastMessage(id: string, last: Pick<ConversationEntity, 'lastMessageAt' | 'lastMessagePreview' | 'lastMessageDirection'>): Promise<void> {
    await this.conversations
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ ...last, updatedAt: new Date() })
      .where('id = :id', { id })
      .andWhere('(last_message_at IS NULL OR last_message_at <= :at)', { at: last.lastMessageAt })
      .execute();
  }

  /** Sets the assignee only if it is still `expected`; false when someone changed it first. */
  async compareAndSetAssignee(id: string, expected: string | null, assigneeId: string | null, manager?: EntityManager): Promise<boolean> {
    const repo = manager ? manager.getRepository(ConversationEntity) : this.conversations;
    const qb = repo.createQueryBuilder().update(ConversationEntity).set({ assigneeId, updatedAt: new Date() }).where('id = :id', { id });
    if (expected === null) qb.andWhere('assignee_id IS NULL');
    else qb.andWhere('assignee_id = :expected', { expected });
    const result = await qb.execute();
    return (result.affected ?? 0) > 0;
  }

  /** Open (not resolved) conversations per assignee, for round-robin capacity. */
  async openCountsByAssignee(manager?: EntityManager): Promise<Map<string, number>> {
    const repo = manager ? manager.getRepository(ConversationEntity) : this.conversations;
    const rows = await repo
      .createQueryBuilder('conversation')
      .select('conversation.assignee_id', 'assigneeId')
      .addSelect('COUNT(*)', 'n')
      .where('conversation.assignee_id IS NOT NULL')
      .andWhere('conversation.status <> :resolved', { resolved: 'resolved' })
      .groupBy('conversation.assignee_id')
      .getRawMany<{ assigneeId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.assigneeId, Number(r.n)]));
  }
}
