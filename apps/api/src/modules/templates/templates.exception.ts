import { HttpStatus } from '@nestjs/common';
import { TemplatesErrorCode } from '@ticklegram/domain-models';
import { AppException } from '../../common/exceptions/app.exception';

const STATUS: Record<TemplatesErrorCode, HttpStatus> = {
  [TemplatesErrorCode.TEMPLATE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TemplatesErrorCode.TEMPLATE_NAME_TAKEN]: HttpStatus.CONFLICT,
  [TemplatesErrorCode.TEMPLATE_NOT_DRAFT]: HttpStatus.CONFLICT,
  [TemplatesErrorCode.TEMPLATE_CHANNEL_INVALID]: HttpStatus.BAD_REQUEST,
  [TemplatesErrorCode.TEMPLATE_META_REJECTED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [TemplatesErrorCode.TEMPLATE_META_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [TemplatesErrorCode.TEMPLATE_LIBRARY_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TemplatesErrorCode.TEMPLATE_NOT_USABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class TemplatesException extends AppException {
  constructor(code: TemplatesErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}

export class TemplateNotFoundException extends TemplatesException {
  constructor() {
    super(TemplatesErrorCode.TEMPLATE_NOT_FOUND, 'This template does not exist.');
  }
}

export function templateNameTaken(name: string, language: string): TemplatesException {
  return new TemplatesException(TemplatesErrorCode.TEMPLATE_NAME_TAKEN, `This Page already has a template named ${name} in ${language}. Pick another name.`);
}
