import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { MetaGraphClient, MetaGraphLogEvent } from '@ticklegram/meta-graph';
import { REDIS_CLIENT, RedisClient } from '../../common/redis/redis.module';
import { sharedRateLimiter } from '../../common/redis/shared-rate-limiter';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/**
 * The api's single Graph API client (keep-alive pools, per-account rate limits and retries are shared
 * by every feature). In sandbox mode it points at the Meta simulator. With REDIS_URL the per-account
 * budgets (300/s text, 10/s media, 750/h private replies) are counted in Redis, shared by every replica.
 */
@Injectable()
export class MetaGraph extends MetaGraphClient implements OnApplicationShutdown {
  private static readonly logger = new Logger('MetaGraph');

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_CLIENT) redis: RedisClient) {
    super({
      limiter: { factory: (spec) => sharedRateLimiter(redis, config.redisKeyPrefix, spec) },
      graphBaseUrl: config.meta.graphUrl,
      instagramBaseUrl: config.meta.instagramGraphUrl,
      instagramOAuthBaseUrl: config.meta.instagramOAuthUrl,
      apiVersion: config.meta.apiVersion,
      appId: config.meta.appId,
      appSecret: config.meta.appSecret,
      instagramAppId: config.meta.instagramAppId,
      instagramAppSecret: config.meta.instagramAppSecret,
      timeoutMs: config.meta.timeoutMs,
      logger: (event: MetaGraphLogEvent) => {
        // an expected error (story insights under Meta's viewer threshold) is an answer its caller handles, not a warning
        if ((event.type === 'error' && !event.expected) || event.type === 'retry' || event.type === 'throttle') MetaGraph.logger.warn(event);
        else MetaGraph.logger.debug?.(event);
      },
    });
  }

  onApplicationShutdown(): void {
    this.close();
  }
}

@Global()
@Module({ providers: [MetaGraph], exports: [MetaGraph] })
export class MetaModule {}
