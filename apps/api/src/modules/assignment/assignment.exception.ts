import { HttpStatus } from '@nestjs/common';
import { MessagingErrorCode } from '@ticklegram/domain-models';
import { AppException } from '../../common/exceptions/app.exception';

type AssignmentCode = MessagingErrorCode.ASSIGNMENT_FORBIDDEN | MessagingErrorCode.ASSIGNMENT_ASSIGNEE_INVALID;

const STATUS: Record<AssignmentCode, HttpStatus> = {
  [MessagingErrorCode.ASSIGNMENT_FORBIDDEN]: HttpStatus.FORBIDDEN,
  [MessagingErrorCode.ASSIGNMENT_ASSIGNEE_INVALID]: HttpStatus.BAD_REQUEST,
};

export class AssignmentException extends AppException {
  constructor(code: AssignmentCode, message: string) {
    super(code, STATUS[code], message);
  }
}
