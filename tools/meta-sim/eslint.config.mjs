import baseConfig, { sourceFileLimits } from '../../eslint.config.mjs';

export default [...baseConfig, sourceFileLimits];
