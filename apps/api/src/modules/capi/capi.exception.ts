import { HttpStatus } from '@nestjs/common';
import { CapiErrorCode } from '@ticklegram/domain-models';
import { AppException } from '../../common/exceptions/app.exception';

const STATUS: Record<CapiErrorCode, HttpStatus> = {
  [CapiErrorCode.CAPI_CONVERSATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CapiErrorCode.CAPI_EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CapiErrorCode.CAPI_EVENT_NOT_RESENDABLE]: HttpStatus.CONFLICT,
  [CapiErrorCode.CAPI_CHANNEL_UNSUPPORTED]: HttpStatus.BAD_REQUEST,
  [CapiErrorCode.CAPI_META_REJECTED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CapiErrorCode.CAPI_META_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

export class CapiException extends AppException {
  constructor(code: CapiErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}

export function conversationNotFound(): CapiException {
  return new CapiException(CapiErrorCode.CAPI_CONVERSATION_NOT_FOUND, 'No such conversation.');
}
