import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum InsightsExceptionCode {
  INSIGHTS_ACCOUNT_NOT_FOUND = 'INSIGHTS_ACCOUNT_NOT_FOUND',
  INSIGHTS_INVALID_RANGE = 'INSIGHTS_INVALID_RANGE',
}

const STATUS: Record<InsightsExceptionCode, HttpStatus> = {
  [InsightsExceptionCode.INSIGHTS_ACCOUNT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [InsightsExceptionCode.INSIGHTS_INVALID_RANGE]: HttpStatus.BAD_REQUEST,
};

export class InsightsException extends AppException {
  constructor(code: InsightsExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }

  static accountNotFound(): InsightsException {
    return new InsightsException(InsightsExceptionCode.INSIGHTS_ACCOUNT_NOT_FOUND, 'This Instagram account is not connected.');
  }
}
