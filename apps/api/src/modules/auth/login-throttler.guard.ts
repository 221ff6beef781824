import { HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppException } from '../../common/exceptions/app.exception';

/** Limits login attempts per client IP and email, so one attacker cannot lock out everybody. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${String(request['ip'])}:${email}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppException('AUTH_TOO_MANY_ATTEMPTS', HttpStatus.TOO_MANY_REQUESTS, 'Too many sign-in attempts. Wait a minute and try again.');
  }
}
