import { HttpStatus } from '@nestjs/common';
import { MessagingErrorCode } from '@ticklegram/domain-models';
import { AppException } from '../../common/exceptions/app.exception';

type Code = Exclude<MessagingErrorCode, MessagingErrorCode.ASSIGNMENT_FORBIDDEN | MessagingErrorCode.ASSIGNMENT_ASSIGNEE_INVALID>;

const STATUS: Record<Code, HttpStatus> = {
  [MessagingErrorCode.MESSAGING_CONVERSATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [MessagingErrorCode.MESSAGING_MESSAGE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [MessagingErrorCode.MESSAGING_UPLOAD_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [MessagingErrorCode.MESSAGING_REPLY_BLOCKED]: HttpStatus.CONFLICT,
  [MessagingErrorCode.MESSAGING_TEMPLATE_REQUIRED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [MessagingErrorCode.MESSAGING_STALE_VIEW]: HttpStatus.CONFLICT,
  [MessagingErrorCode.MESSAGING_NOT_RETRYABLE]: HttpStatus.CONFLICT,
  [MessagingErrorCode.MESSAGING_SEND_UNCONFIRMED]: HttpStatus.CONFLICT,
  [MessagingErrorCode.MESSAGING_DUPLICATE_IN_FLIGHT]: HttpStatus.CONFLICT,
  [MessagingErrorCode.MESSAGING_IDEMPOTENCY_KEY_INVALID]: HttpStatus.BAD_REQUEST,
  [MessagingErrorCode.MESSAGING_UPLOAD_REJECTED]: HttpStatus.BAD_REQUEST,
  [MessagingErrorCode.MESSAGING_REACTION_FAILED]: HttpStatus.BAD_GATEWAY,
};

export class MessagingException extends AppException {
  constructor(code: Code, message: string, status?: HttpStatus) {
    super(code, status ?? STATUS[code], message);
  }
}
