const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // the failures reporter writes only under `npm test`, which names the failing tests again at the end of its summary
  reporters: ['default', join(__dirname, 'tools/scripts/lib/jest-failures-reporter.cjs')],
};
