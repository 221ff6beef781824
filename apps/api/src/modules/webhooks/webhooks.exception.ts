import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum WebhooksExceptionCode {
  WEBHOOKS_BAD_SIGNATURE = 'WEBHOOKS_BAD_SIGNATURE',
  WEBHOOKS_NOT_JSON = 'WEBHOOKS_NOT_JSON',
  WEBHOOKS_VERIFY_TOKEN_MISMATCH = 'WEBHOOKS_VERIFY_TOKEN_MISMATCH',
  WEBHOOKS_EVENT_NOT_FOUND = 'WEBHOOKS_EVENT_NOT_FOUND',
  WEBHOOKS_EVENT_BUSY = 'WEBHOOKS_EVENT_BUSY',
}

const STATUS: Record<WebhooksExceptionCode, HttpStatus> = {
  [WebhooksExceptionCode.WEBHOOKS_BAD_SIGNATURE]: HttpStatus.UNAUTHORIZED,
  [WebhooksExceptionCode.WEBHOOKS_NOT_JSON]: HttpStatus.BAD_REQUEST,
  [WebhooksExceptionCode.WEBHOOKS_VERIFY_TOKEN_MISMATCH]: HttpStatus.FORBIDDEN,
  [WebhooksExceptionCode.WEBHOOKS_EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [WebhooksExceptionCode.WEBHOOKS_EVENT_BUSY]: HttpStatus.CONFLICT,
};

export class WebhooksException extends AppException {
  constructor(code: WebhooksExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
