import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { MetaGraphClient, MetaGraphLogEvent } from '@ticklegram/meta-graph';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/**
 * The api's single Graph API client (keep-alive pools, per-account rate limits and retries are shared
 * by every feature). In sandbox mode it points at the Meta simulator.
 */
@Injectable()
export class MetaGraph extends MetaGraphClient implements OnApplicationShutdown {
  private static readonly logger = new Logger('MetaGraph');

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
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
        if (event.type === 'error' || event.type === 'retry' || event.type === 'throttle') MetaGraph.logger.warn(event);
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
