import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, ServerOptions } from 'socket.io';
import { AppConfig } from '../../config/app-config';

/**
 * Socket.IO with CORS limited to the dashboard's origins and, when REDIS_URL is set, the Redis
 * adapter so events reach sockets connected to any api replica.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger(RealtimeIoAdapter.name);
  private redisClients: Redis[] = [];

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
      const pub = new Redis(this.config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
      const sub = pub.duplicate();
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
      server.adapter(createAdapter(pub, sub));
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
