import { HttpStatus } from '@nestjs/common';
import { AppException } from './app.exception';

export enum AuthExceptionCode {
  AUTH_INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
  AUTH_UNAUTHENTICATED = 'AUTH_UNAUTHENTICATED',
  AUTH_SESSION_EXPIRED = 'AUTH_SESSION_EXPIRED',
  AUTH_FORBIDDEN = 'AUTH_FORBIDDEN',
}

const STATUS: Record<AuthExceptionCode, HttpStatus> = {
  [AuthExceptionCode.AUTH_INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.AUTH_UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.AUTH_SESSION_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.AUTH_FORBIDDEN]: HttpStatus.FORBIDDEN,
};

/** Lives in common/ because the global guards raise it for every module. */
export class AuthException extends AppException {
  constructor(code: AuthExceptionCode, message: string) {
    super(code, STATUS[code], message);
  }
}
