import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, ServerOptions } from 'socket.io';
import { AppConfig } from '../../config/app-config';
import { AdapterRedisClient } from './adapter-redis-client';

/**
 * Socket.IO with CORS limited to the dashboard's origins and, when REDIS_URL is set, the Redis
 * adapter so events reach sockets connected to any api replica. Its channels start with
 * REDIS_KEY_PREFIX, like the api's keys: deployments sharing one Redis never reach each other's sockets.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger(RealtimeIoAdapter.name);
  private redisClients: AdapterRedisClient[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.http.webOrigins, credentials: true },
      serveClient: false,
    }) as Server;
    if (this.config.redisUrl) {
      const options = { lazyConnect: false, maxRetriesPerRequest: null };
      const pub = new AdapterRedisClient(this.config.redisUrl, options);
      const sub = new AdapterRedisClient(this.config.redisUrl, options);
      for (const client of [pub, sub]) client.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
      // What other replicas published while this subscriber was away is lost (pub/sub keeps nothing), and
      // this replica's sockets would never know: close them when it is back, so the dashboards reconnect
      // and refetch what they missed.
      let subscribedBefore = false;
      sub.on('ready', () => {
        if (subscribedBefore) {
          this.logger.warn('Redis is back: closing local sockets so their dashboards catch up on what they missed');
          server.local.disconnectSockets(true);
        }
        subscribedBefore = true;
      });
      this.redisClients = [pub, sub];
      // Socket.IO's default channel prefix is `socket.io`
      server.adapter(createAdapter(pub, sub, { key: `${this.config.redisKeyPrefix}socket.io` }));
      this.logger.log('Socket.IO uses the Redis adapter');
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((client) => client.quit().catch(() => undefined)));
    this.redisClients = [];
  }
}
