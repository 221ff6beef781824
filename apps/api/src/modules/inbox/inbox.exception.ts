import { HttpStatus } from '@nestjs/common';
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
