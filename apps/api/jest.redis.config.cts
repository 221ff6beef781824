/**
 * Api replicas sharing Redis (needs TEST_REDIS_URL): Socket.IO through the Redis adapter, shared rate limits. A stage of its own,
 * run only where a Redis is (CI starts one). Each test file's apps get their own REDIS_KEY_PREFIX (test-app.ts), so files running
 * in the two workers at once never reach each other's replicas.
 */
const base = require('./jest.int.config.cts');

module.exports = {
  ...base,
  displayName: 'api-redis',
  testMatch: ['<rootDir>/test/**/*-redis*.e2e-spec.ts'],
  testPathIgnorePatterns: [],
};
