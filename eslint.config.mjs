import nx from '@nx/eslint-plugin';

/**
 * One concern per file: no source file over 400 lines (tests and migrations aside). Projects add it to
 * their config (`...[sourceFileLimits]`).
 */
export const sourceFileLimits = {
  files: ['**/src/**/*.ts', '**/src/**/*.tsx'],
  ignores: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.test.ts', '**/*.test.tsx', '**/migrations/**'],
  rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.next', '**/data', '**/test-results', '**/playwright-report'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // web may import only domain-models
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:model'] },
            // api may import every lib
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            // meta-graph and webhook-normalizer may import only domain-models
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:model'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:model'] },
            // domain-models imports nothing of ours
            { sourceTag: 'type:model', onlyDependOnLibsWithTags: [] },
            // meta-sim is the other side of the wire: it shares no code with the product
            { sourceTag: 'scope:sim', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:model'] },
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['type:model'] },
          ],
        },
      ],
    },
  },
  {
    // Tests, journeys and benchmarks may start the Meta simulator in-process; product code never may.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', '**/web-e2e/**/*.ts', '**/bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:model'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:sim'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:model', 'scope:sim'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:model'] },
            { sourceTag: 'type:model', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:sim', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:model', 'scope:sim'] },
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['type:model', 'scope:sim'] },
          ],
        },
      ],
    },
  },
  {
    // A committed focused or skipped test silently shrinks the suite: Jest's .only/.skip/.todo, xit/fit…,
    // Playwright's test.only/skip/fixme/fail and test.describe.only/skip/fixme all fail lint.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^(describe|it|test|suite)$/][property.name=/^(only|skip|fixme|fail|todo)$/]',
          message: 'Focused or skipped test: remove .only/.skip/.fixme/.fail/.todo before committing.',
        },
        {
          selector: "MemberExpression[object.object.name=/^(describe|it|test)$/][object.property.name='describe'][property.name=/^(only|skip|fixme|fail)$/]",
          message: 'Focused or skipped test: remove test.describe.only/.skip/.fixme before committing.',
        },
        {
          selector: 'CallExpression[callee.name=/^(xit|xtest|xdescribe|fit|fdescribe|ftest)$/]',
          message: 'Focused or skipped test (xit/fit/xdescribe/fdescribe): remove it before committing.',
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    // Override or add rules here
    rules: {},
  },
];
