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
 * who are online and hold fewer open conversations than the capacity. Runs as the conversation row is
 * inserted — whoever creates it (webhook ingestion) — so the row is never visible unassigned; the
 * `conversation.assigned` event goes out after the transaction commits.
 */
@Injectable()
export class RoundRobinSubscriber implements EntitySubscriberInterface<ConversationEntity> {
  private readonly logger = new Logger(RoundRobinSubscriber.name);
  private lastAssigned: string | null = null;
  private readonly afterCommit = new WeakMap<QueryRunner, (() => void)[]>();
  /** Rows this subscriber assigned (concurrent inserts may interleave between before/after). */
  private readonly assignedHere = new WeakSet<ConversationEntity>();

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

  async beforeInsert(event: InsertEvent<ConversationEntity>): Promise<void> {
    const conversation = event.entity;
    if (!conversation || conversation.assigneeId) return;
    try {
      const { autoAssign, capacity } = await this.settings.get();
      if (!autoAssign) return;
      const candidates = (await this.presence.onlineUsers())
        .filter((u) => u.role === Role.AGENT)
        .map((u) => u.userId)
        .sort();
      if (candidates.length === 0) return;
      const load = await this.conversations.openCountsByAssignee(event.manager);
      const pick = nextUnderCapacity(candidates, this.lastAssigned, (id) => (load.get(id) ?? 0) < capacity);
      if (!pick) return;
      conversation.assigneeId = pick;
      this.lastAssigned = pick;
      this.assignedHere.add(conversation);
    } catch (error) {
      // assignment is a convenience: never fail the insert of an inbound conversation because of it
      this.logger.warn({ err: error }, 'round-robin assignment skipped');
    }
  }

  afterInsert(event: InsertEvent<ConversationEntity>): void {
    const conversation = event.entity;
    if (!conversation?.assigneeId || !this.assignedHere.has(conversation)) return;
    const id = conversation.id;
    const announce = () => void this.announce(id);
    if (event.queryRunner.isTransactionActive) {
      const list = this.afterCommit.get(event.queryRunner) ?? [];
      list.push(announce);
      this.afterCommit.set(event.queryRunner, list);
    } else {
      announce();
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const list = this.afterCommit.get(event.queryRunner);
    this.afterCommit.delete(event.queryRunner);
    for (const run of list ?? []) run();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.afterCommit.delete(event.queryRunner);
  }

  private async announce(conversationId: string): Promise<void> {
    try {
      const conversation = await this.conversations.findById(conversationId);
      if (!conversation?.assigneeId) return;
      const contact = await this.conversations.contactOf(conversation);
      this.events.assigned(conversation, contact, null, null);
    } catch (error) {
      this.logger.warn({ err: error, conversationId }, 'could not announce automatic assignment');
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
