import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum LabelsExceptionCode {
  LABEL_NOT_FOUND = 'LABEL_NOT_FOUND',
  LABEL_NAME_TAKEN = 'LABEL_NAME_TAKEN',
  LABEL_UNKNOWN_IDS = 'LABEL_UNKNOWN_IDS',
}

const STATUS: Record<LabelsExceptionCode, HttpStatus> = {
  [LabelsExceptionCode.LABEL_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [LabelsExceptionCode.LABEL_NAME_TAKEN]: HttpStatus.CONFLICT,
  [LabelsExceptionCode.LABEL_UNKNOWN_IDS]: HttpStatus.BAD_REQUEST,
};

export class LabelsException extends AppException {
  constructor(code: LabelsExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
