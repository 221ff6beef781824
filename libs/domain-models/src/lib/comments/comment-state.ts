import type { MessagePlatform } from '../enums';
import type { PrivateReplyEligibility, StoredCommentKind, StoredCommentStatus } from '../api/comments';
import { PRIVATE_REPLY_WINDOW_MS } from '../messaging/reply-policy.types';

export interface CommentStateInput {
  isFromBusiness: boolean;
  removed: boolean;
  isHidden: boolean;
  /** We replied publicly or privately. */
  replied: boolean;
  done: boolean;
}

/**
 * The desk status of a comment, in order of precedence: ours, deleted, hidden, replied, done, needs reply.
 * The api stores it (every list filters and counts by it); the dashboard uses it for optimistic updates.
 */
export function commentStatusOf(c: CommentStateInput): StoredCommentStatus {
  if (c.isFromBusiness) return 'own';
  if (c.removed) return 'deleted';
  if (c.isHidden) return 'hidden';
  if (c.replied) return 'replied';
  if (c.done) return 'done';
  return 'needs_reply';
}

/** Private replies per hour per Page or Instagram account (reference §6.2). */
export const PRIVATE_REPLIES_PER_HOUR = 750;

export interface PrivateReplyInput {
  platform: MessagePlatform;
  kind: StoredCommentKind;
  isFromBusiness: boolean;
  removed: boolean;
  commentedAt: Date | string;
  privateRepliedAt: Date | string | null;
  privateReplyQueued: boolean;
  /** Live comment whose broadcast is known to have ended. */
  liveEnded: boolean;
}

/**
 * Meta's private-reply rules (reference §4.4, §11): one per comment, within 7 days, Instagram Live only
 * while on air; posts, reels, stories and ads are allowed; mentions on someone else's media are not.
 */
export function privateReplyEligibility(c: PrivateReplyInput, now: Date = new Date()): PrivateReplyEligibility {
  if (c.privateRepliedAt)
    return { allowed: false, code: 'already_sent', reason: 'A private reply was already sent for this comment; Meta allows one per comment.' };
  if (c.privateReplyQueued) return { allowed: false, code: 'queued', reason: 'A private reply for this comment is already queued.' };
  if (c.isFromBusiness) return { allowed: false, code: 'own_comment', reason: 'This comment was written by your business.' };
  if (c.removed) return { allowed: false, code: 'removed', reason: 'This comment was deleted.' };
  if (c.kind === 'mention')
    return { allowed: false, code: 'not_a_comment', reason: 'Meta allows private replies only to comments on your own posts, not to mentions elsewhere.' };
  if (c.kind === 'live_comment' && c.liveEnded)
    return {
      allowed: false,
      code: 'live_ended',
      reason: 'The Live broadcast has ended; Meta allows private replies to Live comments only while it is on air.',
    };
  const age = now.getTime() - new Date(c.commentedAt).getTime();
  if (age >= PRIVATE_REPLY_WINDOW_MS)
    return { allowed: false, code: 'expired', reason: 'This comment is more than 7 days old; Meta no longer allows a private reply.' };
  return { allowed: true };
}

export interface TemplateAuthor {
  name: string | null;
  username: string | null;
}

/** Fills `{{name}}`, `{{first_name}}` and `{{username}}` in a rule's reply text; unknown values become "there". */
export function renderCommentReply(template: string, author: TemplateAuthor): string {
  const name = author.name?.trim() || (author.username ? `@${author.username}` : 'there');
  const first = author.name?.trim().split(/\s+/)[0] || name;
  const username = author.username ? `@${author.username}` : name;
  return template.replace(/\{\{\s*(name|first_name|username)\s*\}\}/g, (_, key: string) =>
    key === 'first_name' ? first : key === 'username' ? username : name,
  );
}
