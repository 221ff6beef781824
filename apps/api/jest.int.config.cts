/** Integration and e2e tests: boot the real api against a real database (SQLite, or MySQL with TEST_DATABASE_URL). */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // the Redis suites run in their own process (jest.redis.config.cts): see the note there
  testPathIgnorePatterns: ['-redis[^/]*\\.e2e-spec\\.ts$'],
  transform: {
    '^.+\\.[tj]s$': require('../../jest.swc.cjs'),
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testTimeout: 30000,
  maxWorkers: 2,
};
