import { Injectable } from '@nestjs/common';
import { CommentBackfillDto, CommentDto, Role, rooms } from '@ticklegram/domain-models';
import { RealtimeService } from '../realtime/realtime.service';

/**
 * The comments module's realtime events (`comment.*`), to those who may see the comment: admins, its
 * assignee — or every agent while it is unassigned — plus whoever could see it before a reassignment
 * (so their lists drop it). Call after the transaction that made the change has committed.
 */
@Injectable()
export class CommentsGateway {
  constructor(private readonly realtime: RealtimeService) {}

  audience(assigneeId: string | null, previousAssigneeIds: (string | null | undefined)[] = []): string[] {
    const targets = new Set([rooms.role(Role.ADMIN), assigneeId ? rooms.user(assigneeId) : rooms.role(Role.AGENT)]);
    for (const previous of previousAssigneeIds) {
      if (previous === null) targets.add(rooms.role(Role.AGENT));
      else if (previous) targets.add(rooms.user(previous));
    }
    return [...targets];
  }

  created(comment: CommentDto): void {
    this.realtime.toRooms(this.audience(comment.assigneeId), 'comment.created', { comment });
  }

  /** `previousAssigneeId`: pass it (null = was unassigned) when the assignee changed. */
  updated(comment: CommentDto, previousAssigneeId?: string | null): void {
    this.realtime.toRooms(this.audience(comment.assigneeId, previousAssigneeId === undefined ? [] : [previousAssigneeId]), 'comment.updated', { comment });
  }

  backfillUpdated(backfill: CommentBackfillDto): void {
    this.realtime.toRooms([rooms.role(Role.ADMIN)], 'comment.backfill_updated', { backfill });
  }
}
