import { Role } from '@ticklegram/domain-models';
import { Brackets, FindOptionsWhere, IsNull, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import type { ConversationEntity } from './entities/conversation.entity';

/** Who is asking: enough of the signed-in user to decide what they may see. */
export type Caller = Pick<AuthUser, 'id' | 'role'>;

/**
 * Who may see a conversation: admins all of them; agents those assigned to them and unassigned ones.
 * The one place the rule lives — repositories, the socket room guard and list queries all ask here.
 */
export const ConversationAccessPolicy = {
  canSee(caller: Caller, conversation: Pick<ConversationEntity, 'assigneeId'>): boolean {
    return caller.role === Role.ADMIN || conversation.assigneeId === null || conversation.assigneeId === caller.id;
  },

  /** `find()` conditions that keep only visible rows (OR-ed array; combine with other conditions per element). */
  where(caller: Caller, extra: FindOptionsWhere<ConversationEntity> = {}): FindOptionsWhere<ConversationEntity>[] {
    if (caller.role === Role.ADMIN) return [extra];
    return [
      { ...extra, assigneeId: caller.id },
      { ...extra, assigneeId: IsNull() },
    ];
  },

  /** Adds the scope to a query builder over conversations aliased `alias`. */
  applyTo<T extends SelectQueryBuilder<ConversationEntity> | WhereExpressionBuilder>(qb: T, caller: Caller, alias = 'conversation'): T {
    if (caller.role === Role.ADMIN) return qb;
    qb.andWhere(
      new Brackets((w) => {
        w.where(`${alias}.assignee_id = :scopeUserId`, { scopeUserId: caller.id }).orWhere(`${alias}.assignee_id IS NULL`);
      }),
    );
    return qb;
  },
} as const;
