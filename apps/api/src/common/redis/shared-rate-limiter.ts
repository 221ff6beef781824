import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisClient } from './redis.module';

export interface SharedLimiterSpec {
  points: number;
  durationSec: number;
  keyPrefix: string;
}

/**
 * A rate limiter whose budget is shared by every api replica when Redis is configured (one counter
 * per key in Redis), with an in-process limiter standing in while Redis is unreachable. Without Redis
 * it is the in-process limiter alone.
 */
export function sharedRateLimiter(redis: RedisClient, redisKeyPrefix: string, spec: SharedLimiterSpec): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points: spec.points, duration: spec.durationSec, keyPrefix: spec.keyPrefix });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    points: spec.points,
    // Redis keys expire in whole seconds
    duration: Math.max(1, Math.round(spec.durationSec)),
    keyPrefix: `${redisKeyPrefix}${spec.keyPrefix}`,
    insuranceLimiter: memory,
  });
}
