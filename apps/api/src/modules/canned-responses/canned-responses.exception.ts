import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum CannedResponsesExceptionCode {
  CANNED_RESPONSE_NOT_FOUND = 'CANNED_RESPONSE_NOT_FOUND',
  CANNED_RESPONSE_SHORTCUT_TAKEN = 'CANNED_RESPONSE_SHORTCUT_TAKEN',
}

const STATUS: Record<CannedResponsesExceptionCode, HttpStatus> = {
  [CannedResponsesExceptionCode.CANNED_RESPONSE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CannedResponsesExceptionCode.CANNED_RESPONSE_SHORTCUT_TAKEN]: HttpStatus.CONFLICT,
};

export class CannedResponsesException extends AppException {
  constructor(code: CannedResponsesExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
