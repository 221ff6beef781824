import { Logger } from '@nestjs/common';
import { Command, Redis } from 'ioredis';

/**
 * An ioredis client for the Socket.IO Redis adapter. The adapter sends most of its commands without
 * awaiting them (every publish, its subscribes at start, its unsubscribes at close), so a command that
 * fails — typically one sent by an in-flight request handler after the server began to close — would be
 * an unhandled rejection, which ends a Node process. Here each command's failure is logged instead; a
 * caller that awaits the command still sees the error (the adapter's own requests time out as before).
 */
export class AdapterRedisClient extends Redis {
  private static readonly logger = new Logger('RealtimeRedis');

  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    const result = super.sendCommand(command, stream) as Promise<unknown>;
    result.catch((error: Error) => AdapterRedisClient.logger.debug(`redis ${command.name}: ${error.message}`));
    return result;
  }
}
