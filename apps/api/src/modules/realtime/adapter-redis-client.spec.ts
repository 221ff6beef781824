import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AdapterRedisClient } from './adapter-redis-client';

const ticks = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('AdapterRedisClient', () => {
  // never connects: a closed client rejects every command at once ("Connection is closed.")
  const closed = <T extends Redis>(client: T): T => {
    client.disconnect();
    return client;
  };

  afterEach(() => jest.restoreAllMocks());

  // a plain ioredis client fails this test twice: no log line, and Jest charges the unhandled "Connection is closed." to it
  it('turns a command nobody awaits into a log line, not an unhandled rejection', async () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const client = closed(new AdapterRedisClient('redis://127.0.0.1:1', { lazyConnect: true }));
    void client.publish('channel', 'message');
    await ticks();
    expect(debug).toHaveBeenCalledWith('redis publish: Connection is closed.');
  });

  it('still rejects for a caller that awaits the command', async () => {
    const client = closed(new AdapterRedisClient('redis://127.0.0.1:1', { lazyConnect: true }));
    await expect(client.publish('channel', 'message')).rejects.toThrow('Connection is closed.');
  });
});
