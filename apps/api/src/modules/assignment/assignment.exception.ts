import { HttpStatus } from '@nestjs/common';
import { MessagingErrorCode } from '@ticklegram/domain-models';
import { AppException } from '../../common/exceptions/app.exception';

type AssignmentCode = MessagingErrorCode.MESSAGING_CONVERSATION_NOT_FOUND | MessagingErrorCode.ASSIGNMENT_FORBIDDEN | MessagingErrorCode.ASSIGNMENT_ASSIGNEE_INVALID;

const STATUS: Record<AssignmentCode, HttpStatus> = {
  [MessagingErrorCode.MESSAGING_CONVERSATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [MessagingErrorCode.ASSIGNMENT_FORBIDDEN]: HttpStatus.FORBIDDEN,
  [MessagingErrorCode.ASSIGNMENT_ASSIGNEE_INVALID]: HttpStatus.BAD_REQUEST,
};

export class AssignmentException extends AppException {
  constructor(code: AssignmentCode, message: string) {
    super(code, STATUS[code], message);
  }

  /** Same answer for "does not exist" and "not yours to see". */
  static conversationNotFound(): AssignmentException {
    return new AssignmentException(MessagingErrorCode.MESSAGING_CONVERSATION_NOT_FOUND, 'This conversation does not exist or is not available to you.');
  }
}
