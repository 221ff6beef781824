/**
 * `npm run chaos`: the fault-injection suites on real processes and the simulator — Meta misbehaving for
 * a while (test/chaos) and the SIGKILL crash tests (also part of the integration suite).
 */
module.exports = {
  displayName: 'api-chaos',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts', '<rootDir>/test/integration/*crash.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': require('../../jest.swc.cjs'),
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testTimeout: 300000,
  maxWorkers: 1,
};
