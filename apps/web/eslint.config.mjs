import nextEslintPluginNext from '@next/eslint-plugin-next';
import nx from '@nx/eslint-plugin';
import baseConfig, { sourceFileLimits } from '../../eslint.config.mjs';
import moduleRules from '../../tools/lint-rules/no-module-cycle.mjs';

export default [
  { plugins: { '@next/next': nextEslintPluginNext } },
  ...nx.configs['flat/react-typescript'],
  ...baseConfig,
  sourceFileLimits,
  {
    // no two feature folders import each other in a circle (shared parts go to lib/, components/ or the feature both use)
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { architecture: moduleRules },
    rules: { 'architecture/no-module-cycle': ['error', { modulesRoot: 'src/features' }] },
  },
  {
    // shared building blocks know no feature (features import them, never the other way round)
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**'], message: 'components/ and lib/ import no feature: move the shared part here, or the component into the feature.' },
          ],
        },
      ],
    },
  },
  {
    ignores: ['.next/**/*'],
  },
];
