import { commentStatusOf, type CommentDto } from '@ticklegram/domain-models';
import type { CommentCommand } from './api';

/** The comment as it will look once the command succeeds (rolled back if the api or Meta refuses). */
export function applyCommandOptimistically(comment: CommentDto, command: CommentCommand, now = new Date()): CommentDto {
  const next: CommentDto = { ...comment };
  switch (command.type) {
    case 'reply':
      next.repliedAt = now.toISOString();
      break;
    case 'private_reply':
      next.privateReply = { sentAt: now.toISOString(), mid: null, recipientId: null };
      break;
    case 'hide':
    case 'unhide':
      next.isHidden = command.type === 'hide';
      break;
    case 'delete':
      next.removed = true;
      next.removedBy = 'business';
      next.text = null;
      break;
    case 'done':
      next.doneAt = command.done ? now.toISOString() : null;
      break;
    case 'assign':
      next.assigneeId = command.assigneeId;
      break;
  }
  next.status = commentStatusOf({
    isFromBusiness: next.isFromBusiness,
    removed: next.removed,
    isHidden: next.isHidden,
    replied: next.repliedAt !== null || next.privateReply !== null,
    done: next.doneAt !== null,
  });
  return next;
}
