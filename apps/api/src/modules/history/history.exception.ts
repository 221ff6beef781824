import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum HistoryExceptionCode {
  HISTORY_CHANNEL_NOT_FOUND = 'HISTORY_CHANNEL_NOT_FOUND',
  HISTORY_CHANNEL_INACTIVE = 'HISTORY_CHANNEL_INACTIVE',
  HISTORY_BUSY = 'HISTORY_BUSY',
}

const STATUS: Record<HistoryExceptionCode, HttpStatus> = {
  [HistoryExceptionCode.HISTORY_CHANNEL_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [HistoryExceptionCode.HISTORY_CHANNEL_INACTIVE]: HttpStatus.CONFLICT,
  [HistoryExceptionCode.HISTORY_BUSY]: HttpStatus.CONFLICT,
};

export class HistoryException extends AppException {
  constructor(code: HistoryExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
