import importPlugin from 'eslint-plugin-import';
import baseConfig, { sourceFileLimits } from '../../eslint.config.mjs';
import moduleRules from '../../tools/lint-rules/no-module-cycle.mjs';

export default [
  ...baseConfig,
  sourceFileLimits,
  {
    // no import circle: neither between files (import/no-cycle) nor between feature modules (no-module-cycle)
    files: ['src/**/*.ts'],
    plugins: { import: importPlugin, architecture: moduleRules },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'architecture/no-module-cycle': ['error', { modulesRoot: 'src/modules' }],
    },
  },
  {
    // realtime events go out through each module's own gateway (its typed `*.gateway.ts`), never by hand
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.gateway.ts', 'src/modules/realtime/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/realtime/realtime.service'],
              message: "Emit through your module's gateway (a *.gateway.ts that owns your event names), not RealtimeService.",
            },
          ],
        },
      ],
    },
  },
];
