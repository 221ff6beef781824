import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from '../../common/exceptions/app.exception';
import { REDIS_CLIENT, RedisClient } from '../../common/redis/redis.module';
import { sharedRateLimiter } from '../../common/redis/shared-rate-limiter';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { loginThrottleKey } from './login-throttle-key';

export interface LoginAttempt {
  /** The password was right: this attempt is given back, so signing in never uses up the budget. */
  succeeded(): Promise<void>;
}

/**
 * Bounds password guesses: per trusted client IP + email (one attacker cannot lock everybody out) and,
 * more loosely, per email from anywhere (rotating IPs buys no extra guesses). Emails are counted in
 * their normalized form; the budgets live in Redis when REDIS_URL is set, so every replica shares them.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly perClient: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_CLIENT) redis: RedisClient) {
    const throttle = config.auth.loginThrottle;
    this.perClient = sharedRateLimiter(redis, config.redisKeyPrefix, { points: throttle.limit, durationSec: throttle.ttlSeconds, keyPrefix: 'login-client' });
    this.perAccount = sharedRateLimiter(redis, config.redisKeyPrefix, {
      points: throttle.accountLimit,
      durationSec: throttle.accountTtlSeconds,
      keyPrefix: 'login-account',
    });
  }

  /** Takes one attempt from both budgets, or refuses with 429 when either is spent. */
  async begin(clientIp: string | null, email: string): Promise<LoginAttempt> {
    const account = loginThrottleKey(email);
    const budgets: [RateLimiterAbstract, string][] = [
      [this.perClient, `${clientIp ?? 'unknown'}|${account}`],
      [this.perAccount, account],
    ];
    const results = await Promise.allSettled(budgets.map(([limiter, key]) => limiter.consume(key)));
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      const seconds = Math.max(1, Math.ceil(result.reason.msBeforeNext / 1000));
      throw new AppException('AUTH_TOO_MANY_ATTEMPTS', HttpStatus.TOO_MANY_REQUESTS, `Too many sign-in attempts. Try again in ${seconds} seconds.`);
    }
    return {
      succeeded: async () => {
        await Promise.all(budgets.map(([limiter, key]) => limiter.reward(key, 1)));
      },
    };
  }
}
