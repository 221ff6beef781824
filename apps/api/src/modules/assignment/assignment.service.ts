import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConversationStateResponse, MessagingErrorCode, Role, UpdateConversationRequest } from '@ticklegram/domain-models';
import { LessThanOrEqual, Repository } from 'typeorm';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { AuditService } from '../audit/audit.service';
import { JobLeases } from '../jobs/job-leases.service';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { toConversationDto } from '../inbox/inbox.mapper';
import { PresenceService } from '../realtime/presence.service';
import { UserRepository } from '../users/repositories/user.repository';
import { AssignmentException } from './assignment.exception';
import { Caller } from '../inbox/conversation-access.policy';
import { InboxGateway } from '../inbox/inbox.gateway';
import { ConversationNotFoundException } from '../inbox/inbox.exception';
import { ConversationSnoozeEntity } from './entities/conversation-snooze.entity';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';

const SNOOZE_SWEEP_MS = 30_000;

/** Manual assignment, status changes (with snooze), mark read. Admin actions are audited. */
@Injectable()
export class AssignmentService implements OnApplicationBootstrap {
  constructor(
    private readonly conversations: ScopedConversationRepository,
    @InjectRepository(ConversationSnoozeEntity) private readonly snoozes: Repository<ConversationSnoozeEntity>,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly events: InboxGateway,
    private readonly presence: PresenceService,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.leases.every('assignment.snooze-sweep', SNOOZE_SWEEP_MS, () => this.wakeSnoozed());
  }

  async get(caller: Caller, id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findVisible(caller, id);
    if (!conversation) throw new ConversationNotFoundException();
    return conversation;
  }

  async assign(actor: AuthUser, id: string, assigneeId: string | null, ip?: string): Promise<ConversationStateResponse> {
    const conversation = await this.get(actor, id);
    const previous = conversation.assigneeId;
    if (previous === assigneeId) return this.state(conversation);
    if (actor.role !== Role.ADMIN) {
      const takesUnassigned = previous === null && assigneeId === actor.id;
      const handsOverOwn = previous === actor.id;
      if (!takesUnassigned && !handsOverOwn) {
        throw new AssignmentException(
          MessagingErrorCode.ASSIGNMENT_FORBIDDEN,
          'Agents can take unassigned conversations and hand over their own, nothing else.',
        );
      }
    }
    if (assigneeId) {
      const user = await this.users.findById(assigneeId);
      if (!user || !user.active) throw new AssignmentException(MessagingErrorCode.ASSIGNMENT_ASSIGNEE_INVALID, 'The assignee must be an active teammate.');
    }
    // compare-and-set: two agents taking the same conversation at once — only one wins
    const result = await this.conversations.compareAndSetAssignee(id, previous, assigneeId);
    if (!result) {
      throw new AssignmentException(MessagingErrorCode.ASSIGNMENT_FORBIDDEN, 'Someone else changed the assignment a moment ago. Refresh and try again.');
    }
    conversation.assigneeId = assigneeId;
    if (actor.role === Role.ADMIN) {
      await this.audit.record({
        actor,
        action: 'conversation.assigned',
        target: { type: 'conversation', id },
        details: { from: previous, to: assigneeId },
        ip,
      });
    }
    await this.afterAssignment(conversation, previous, actor.id);
    return this.state(conversation);
  }

  /** Shared with round-robin: who may no longer see it leaves the room, then everyone who may is told. */
  async afterAssignment(conversation: ConversationEntity, previous: string | null, assignedBy: string | null): Promise<void> {
    const fresh = (await this.conversations.findById(conversation.id)) ?? conversation;
    const removed = await this.events.evictUnauthorized(fresh);
    if (removed.length) await this.presence.evicted(fresh.id);
    const contact = await this.conversations.contactOf(fresh);
    this.events.assigned(fresh, contact, previous, assignedBy);
    this.events.conversationUpdated(fresh, contact);
  }

  async updateStatus(actor: AuthUser, id: string, body: UpdateConversationRequest, ip?: string): Promise<ConversationStateResponse> {
    const conversation = await this.get(actor, id);
    if (body.status === 'snoozed' && body.snoozedUntil && new Date(body.snoozedUntil).getTime() <= Date.now()) {
      throw new RequestValidationException([{ field: 'snoozedUntil', messages: ['snoozedUntil must be in the future'] }]);
    }
    const previous = conversation.status;
    await this.conversations.update(id, { status: body.status });
    if (body.status === 'snoozed' && body.snoozedUntil) {
      // one statement: two agents snoozing the same conversation at once must not race a read-then-insert (duplicate key)
      await this.snoozes.upsert({ conversationId: id, snoozedUntil: new Date(body.snoozedUntil), snoozedBy: actor.id, createdAt: new Date() }, [
        'conversationId',
      ]);
    } else {
      await this.snoozes.delete({ conversationId: id });
    }
    if (actor.role === Role.ADMIN) {
      await this.audit.record({
        actor,
        action: 'conversation.status_changed',
        target: { type: 'conversation', id },
        details: { from: previous, to: body.status, snoozedUntil: body.snoozedUntil ?? null },
        ip,
      });
    }
    const fresh = await this.reload(conversation);
    await this.publish(fresh);
    return this.state(fresh);
  }

  async markRead(actor: AuthUser, id: string): Promise<ConversationStateResponse> {
    const conversation = await this.get(actor, id);
    if (conversation.unreadCount === 0) return this.state(conversation);
    await this.conversations.update(id, { unreadCount: 0 });
    const fresh = await this.reload(conversation);
    await this.publish(fresh);
    return this.state(fresh);
  }

  /** The row as it is now (the one just written, with whatever others changed meanwhile). */
  private async reload(conversation: ConversationEntity): Promise<ConversationEntity> {
    return (await this.conversations.findById(conversation.id)) ?? conversation;
  }

  async state(conversation: ConversationEntity): Promise<ConversationStateResponse> {
    const contact = await this.conversations.contactOf(conversation);
    const snooze = conversation.status === 'snoozed' ? await this.snoozes.findOneBy({ conversationId: conversation.id }) : null;
    return { conversation: toConversationDto(conversation, contact), snoozedUntil: snooze ? snooze.snoozedUntil.toISOString() : null };
  }

  /** Snoozed conversations whose time came reopen. */
  async wakeSnoozed(now = new Date()): Promise<number> {
    const due = await this.snoozes.find({ where: { snoozedUntil: LessThanOrEqual(now) } });
    for (const snooze of due) {
      await this.snoozes.delete({ conversationId: snooze.conversationId });
      // only if still snoozed: an agent may have resolved it a moment ago
      if (!(await this.conversations.update(snooze.conversationId, { status: 'open' }, { status: 'snoozed' }))) continue;
      const conversation = await this.conversations.findById(snooze.conversationId);
      if (conversation) await this.publish(conversation);
    }
    return due.length;
  }

  private async publish(conversation: ConversationEntity): Promise<void> {
    const contact = await this.conversations.contactOf(conversation);
    this.events.conversationUpdated(conversation, contact);
  }
}
