import { Injectable, Logger } from '@nestjs/common';
import { Role } from '@ticklegram/domain-models';
import { DataSource, EntitySubscriberInterface, InsertEvent, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { PresenceService } from '../realtime/presence.service';
import { AssignmentSettingsService } from './assignment-settings.service';
import { InboxGateway } from '../inbox/inbox.gateway';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';

/**
 * Automatic assignment of new conversations (admin setting, off by default): round-robin among agents
 * who are online and hold fewer open conversations than the capacity. It runs after the transaction
 * that inserted the conversation commits (webhook ingestion), never inside it: who is online is a
 * Redis read with several replicas, and no network I/O may hold an ingestion transaction open. The
 * assignment is a compare-and-set on a still-unassigned row, so an agent who took the conversation
 * in the meantime keeps it; `conversation.assigned` follows.
 */
@Injectable()
export class RoundRobinSubscriber implements EntitySubscriberInterface<ConversationEntity> {
  private readonly logger = new Logger(RoundRobinSubscriber.name);
  private lastAssigned: string | null = null;
  private readonly afterCommit = new WeakMap<QueryRunner, string[]>();
  /** One assignment at a time, so two new conversations never both go to the same "next" agent. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    dataSource: DataSource,
    private readonly settings: AssignmentSettingsService,
    private readonly presence: PresenceService,
    private readonly conversations: ScopedConversationRepository,
    private readonly events: InboxGateway,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof ConversationEntity {
    return ConversationEntity;
  }

  afterInsert(event: InsertEvent<ConversationEntity>): void {
    const conversation = event.entity;
    if (!conversation?.id || conversation.assigneeId) return;
    if (event.queryRunner.isTransactionActive) {
      const list = this.afterCommit.get(event.queryRunner) ?? [];
      list.push(conversation.id);
      this.afterCommit.set(event.queryRunner, list);
    } else {
      this.enqueue(conversation.id);
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const list = this.afterCommit.get(event.queryRunner);
    this.afterCommit.delete(event.queryRunner);
    for (const id of list ?? []) this.enqueue(id);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.afterCommit.delete(event.queryRunner);
  }

  /** Resolves when every assignment queued so far has run (tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(conversationId: string): void {
    this.queue = this.queue.then(() => this.assign(conversationId));
  }

  private async assign(conversationId: string): Promise<void> {
    try {
      const { autoAssign, capacity } = await this.settings.get();
      if (!autoAssign) return;
      const candidates = (await this.presence.onlineUsers())
        .filter((u) => u.role === Role.AGENT)
        .map((u) => u.userId)
        .sort();
      if (candidates.length === 0) return;
      const load = await this.conversations.openCountsByAssignee();
      const pick = nextUnderCapacity(candidates, this.lastAssigned, (id) => (load.get(id) ?? 0) < capacity);
      if (!pick) return;
      if (!(await this.conversations.compareAndSetAssignee(conversationId, null, pick))) return;
      this.lastAssigned = pick;
      const conversation = await this.conversations.findById(conversationId);
      if (!conversation?.assigneeId) return;
      const contact = await this.conversations.contactOf(conversation);
      this.events.assigned(conversation, contact, null, null);
    } catch (error) {
      // assignment is a convenience: never fail ingestion because of it
      this.logger.warn({ err: error, conversationId }, 'round-robin assignment skipped');
    }
  }
}

/** The first candidate after `last` (wrapping around) that passes `fits`. */
export function nextUnderCapacity(sortedCandidates: string[], last: string | null, fits: (id: string) => boolean): string | null {
  const start = last ? sortedCandidates.findIndex((id) => id > last) : 0;
  const from = start < 0 ? 0 : start;
  for (let i = 0; i < sortedCandidates.length; i += 1) {
    const id = sortedCandidates[(from + i) % sortedCandidates.length];
    if (fits(id)) return id;
  }
  return null;
}
