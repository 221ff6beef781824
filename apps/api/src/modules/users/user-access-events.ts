import { Injectable, Logger } from '@nestjs/common';
import { Role } from '@ticklegram/domain-models';

/** What changed about an account's access, after the change was saved. */
export interface UserAccessChange {
  userId: string;
  /** Password reset or deactivation: every existing session must end (refresh tokens, sockets). */
  sessionsEnded: boolean;
  /** The new role when it changed, else null: live connections must drop what the old role allowed. */
  newRole: Role | null;
}

export type UserAccessListener = (change: UserAccessChange) => Promise<void> | void;

/**
 * Tells whoever holds sessions (auth: refresh tokens; realtime: sockets) that an account's access
 * changed, without the users module knowing them. Listeners run before the admin's request answers.
 */
@Injectable()
export class UserAccessEvents {
  private readonly logger = new Logger(UserAccessEvents.name);
  private readonly listeners: UserAccessListener[] = [];

  subscribe(listener: UserAccessListener): void {
    this.listeners.push(listener);
  }

  async publish(change: UserAccessChange): Promise<void> {
    const results = await Promise.allSettled(this.listeners.map(async (listener) => listener(change)));
    for (const result of results) {
      if (result.status === 'rejected') this.logger.error({ err: result.reason, userId: change.userId }, 'a session holder could not apply an access change');
    }
  }
}
