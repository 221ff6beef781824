import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/exceptions/app.exception';

export enum UsersExceptionCode {
  USERS_NOT_FOUND = 'USERS_NOT_FOUND',
  USERS_EMAIL_TAKEN = 'USERS_EMAIL_TAKEN',
  USERS_LAST_ADMIN = 'USERS_LAST_ADMIN',
  USERS_CANNOT_DEACTIVATE_SELF = 'USERS_CANNOT_DEACTIVATE_SELF',
}

const STATUS: Record<UsersExceptionCode, HttpStatus> = {
  [UsersExceptionCode.USERS_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [UsersExceptionCode.USERS_EMAIL_TAKEN]: HttpStatus.CONFLICT,
  [UsersExceptionCode.USERS_LAST_ADMIN]: HttpStatus.CONFLICT,
  [UsersExceptionCode.USERS_CANNOT_DEACTIVATE_SELF]: HttpStatus.CONFLICT,
};

export class UsersException extends AppException {
  constructor(code: UsersExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
