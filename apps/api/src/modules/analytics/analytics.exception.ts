import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum AnalyticsExceptionCode {
  ANALYTICS_AGENT_SCOPE = 'ANALYTICS_AGENT_SCOPE',
}

const STATUS: Record<AnalyticsExceptionCode, HttpStatus> = {
  [AnalyticsExceptionCode.ANALYTICS_AGENT_SCOPE]: HttpStatus.FORBIDDEN,
};

export class AnalyticsException extends AppException {
  constructor(code: AnalyticsExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
