import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/** The api's Redis connection for shared state (rate limits), or null when REDIS_URL is unset. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export type RedisClient = Redis | null;

function connect(config: AppConfig): RedisClient {
  if (!config.redisUrl) return null;
  // fail fast while Redis is away: the rate limiters then fall back to their in-process insurance limiter
  const client = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  const logger = new Logger('Redis');
  client.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
  return client;
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}

@Global()
@Module({
  providers: [{ provide: REDIS_CLIENT, inject: [APP_CONFIG], useFactory: connect }, RedisShutdown],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}
