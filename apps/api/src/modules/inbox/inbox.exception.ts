import { HttpStatus } from '@nestjs/common';
import { MessagingErrorCode } from '@ticklegram/domain-models';
import { AppException } from '../../common/exceptions/app.exception';

export enum InboxExceptionCode {
  INBOX_CONVERSATION_NOT_FOUND = 'INBOX_CONVERSATION_NOT_FOUND',
  INBOX_BAD_CURSOR = 'INBOX_BAD_CURSOR',
}

const STATUS: Record<InboxExceptionCode, HttpStatus> = {
  [InboxExceptionCode.INBOX_CONVERSATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [InboxExceptionCode.INBOX_BAD_CURSOR]: HttpStatus.BAD_REQUEST,
};

export class InboxException extends AppException {
  constructor(code: InboxExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}

/**
 * A conversation that does not exist or is outside the caller's scope — the same answer for both, so
 * the scope leaks nothing. Used by every module that acts on a conversation (assignment, messaging,
 * notes, labels, priority).
 */
export class ConversationNotFoundException extends AppException {
  constructor() {
    super(MessagingErrorCode.MESSAGING_CONVERSATION_NOT_FOUND, HttpStatus.NOT_FOUND, 'This conversation does not exist or is not available to you.');
  }
}
