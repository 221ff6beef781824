/**
 * Api replicas sharing Redis (needs TEST_REDIS_URL): Socket.IO through the Redis adapter, shared rate limits. Kept in a process of
 * its own: after the suites finish, an ioredis client of the adapter can still reject a queued command
 * with "Connection is closed." — harmless at exit, but inside a shared Jest worker it would be charged
 * to whichever suite runs next.
 */
const base = require('./jest.int.config.cts');

module.exports = {
  ...base,
  displayName: 'api-redis',
  testMatch: ['<rootDir>/test/**/*-redis*.e2e-spec.ts'],
  testPathIgnorePatterns: [],
};
