import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppException } from '../../common/exceptions/app.exception';

export const LOGIN_THROTTLER = 'login';
/** Per account regardless of IP: a client that forges X-Forwarded-For still gets a bounded number of guesses. */
export const LOGIN_ACCOUNT_THROTTLER = 'login-account';

/**
 * Limits login attempts per client IP + email (so one attacker cannot lock out everybody) and, more
 * loosely, per email alone (so rotating IPs cannot buy unlimited guesses on one account).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${String(request['ip'])}|${email}`;
  }

  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    const scoped = name === LOGIN_ACCOUNT_THROTTLER ? tracker.slice(tracker.indexOf('|') + 1) : tracker;
    return super.generateKey(context, scoped, name);
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppException('AUTH_TOO_MANY_ATTEMPTS', HttpStatus.TOO_MANY_REQUESTS, 'Too many sign-in attempts. Wait a minute and try again.');
  }
}
