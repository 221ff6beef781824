import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum CommentsExceptionCode {
  COMMENTS_NOT_FOUND = 'COMMENTS_NOT_FOUND',
  COMMENTS_BAD_CURSOR = 'COMMENTS_BAD_CURSOR',
  /** Meta allows one private reply per comment (already sent or queued). */
  COMMENTS_PRIVATE_REPLY_CONFLICT = 'COMMENTS_PRIVATE_REPLY_CONFLICT',
  /** Meta would refuse it: older than 7 days, Live ended, a mention, deleted, ours. */
  COMMENTS_PRIVATE_REPLY_NOT_ALLOWED = 'COMMENTS_PRIVATE_REPLY_NOT_ALLOWED',
  /** The action does not fit the comment's state (reply to a deleted comment, hide our own…). */
  COMMENTS_ACTION_NOT_ALLOWED = 'COMMENTS_ACTION_NOT_ALLOWED',
  /** Meta refused the call; the message is Meta's reason in plain words. */
  COMMENTS_META_REFUSED = 'COMMENTS_META_REFUSED',
  /** Meta could not be reached or failed temporarily. */
  COMMENTS_META_UNAVAILABLE = 'COMMENTS_META_UNAVAILABLE',
  COMMENTS_UNKNOWN_ASSIGNEE = 'COMMENTS_UNKNOWN_ASSIGNEE',
  COMMENTS_UNKNOWN_LABEL = 'COMMENTS_UNKNOWN_LABEL',
  COMMENTS_RULE_NOT_FOUND = 'COMMENTS_RULE_NOT_FOUND',
  COMMENTS_RULE_INVALID = 'COMMENTS_RULE_INVALID',
  COMMENTS_CHANNEL_NOT_FOUND = 'COMMENTS_CHANNEL_NOT_FOUND',
}

const STATUS: Record<CommentsExceptionCode, HttpStatus> = {
  [CommentsExceptionCode.COMMENTS_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommentsExceptionCode.COMMENTS_BAD_CURSOR]: HttpStatus.BAD_REQUEST,
  [CommentsExceptionCode.COMMENTS_PRIVATE_REPLY_CONFLICT]: HttpStatus.CONFLICT,
  [CommentsExceptionCode.COMMENTS_PRIVATE_REPLY_NOT_ALLOWED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CommentsExceptionCode.COMMENTS_ACTION_NOT_ALLOWED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CommentsExceptionCode.COMMENTS_META_REFUSED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CommentsExceptionCode.COMMENTS_META_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [CommentsExceptionCode.COMMENTS_UNKNOWN_ASSIGNEE]: HttpStatus.BAD_REQUEST,
  [CommentsExceptionCode.COMMENTS_UNKNOWN_LABEL]: HttpStatus.BAD_REQUEST,
  [CommentsExceptionCode.COMMENTS_RULE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommentsExceptionCode.COMMENTS_RULE_INVALID]: HttpStatus.BAD_REQUEST,
  [CommentsExceptionCode.COMMENTS_CHANNEL_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

export class CommentsException extends AppException {
  constructor(code: CommentsExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}

export class CommentNotFoundException extends CommentsException {
  constructor() {
    super(CommentsExceptionCode.COMMENTS_NOT_FOUND, 'No such comment.');
  }
}
