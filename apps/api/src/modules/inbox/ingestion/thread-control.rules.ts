import { ThreadOwner } from '@ticklegram/domain-models';
import type { ConversationEntity } from '../entities/conversation.entity';

/** Who controls a conversation from a given moment: this app, or another app (its id when Meta named it). */
export interface ThreadOwnerChange {
  ownedBy: ThreadOwner;
  appId: string | null;
  at: Date;
}

export type ThreadControlState = Pick<ConversationEntity, 'threadOwner' | 'threadOwnerAppId' | 'threadOwnerAt'>;

/**
 * Applies a change of thread control when it is not older than the last one applied (Meta does not
 * guarantee order). "Another app" learned from a standby delivery keeps an app id a handover event
 * named before. Returns whether anything changed.
 */
export function applyThreadOwner(state: ThreadControlState, change: ThreadOwnerChange): boolean {
  if (state.threadOwnerAt && change.at < state.threadOwnerAt) return false;
  const sameOwner = state.threadOwner === change.ownedBy && (change.appId === null || change.appId === state.threadOwnerAppId);
  if (sameOwner) return false;
  state.threadOwner = change.ownedBy;
  state.threadOwnerAppId = change.appId;
  state.threadOwnerAt = change.at;
  return true;
}

/**
 * What the delivery channel says: Meta sends a thread's events to its owner on `messaging` and to every
 * other app on `standby`. Only a change of owner is recorded.
 */
export function ownerFromDelivery(via: 'messaging' | 'standby' | 'changes', at: Date): ThreadOwnerChange | null {
  if (via === 'standby') return { ownedBy: 'other_app', appId: null, at };
  if (via === 'messaging') return { ownedBy: 'this_app', appId: null, at };
  return null;
}

/** `pass_thread_control` / `take_thread_control`: the new owner is `new_owner_app_id`. */
export function ownerFromHandover(newOwnerAppId: string | null, ourAppIds: readonly string[], at: Date): ThreadOwnerChange | null {
  if (!newOwnerAppId) return null;
  return ourAppIds.includes(newOwnerAppId) ? { ownedBy: 'this_app', appId: newOwnerAppId, at } : { ownedBy: 'other_app', appId: newOwnerAppId, at };
}
