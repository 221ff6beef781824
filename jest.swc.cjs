// Shared Jest transform: SWC transpiles TypeScript without type-checking (the `typecheck` targets do
// that), keeping Nest's decorator metadata. Much faster than ts-jest, and one project's work-in-progress
// type error cannot fail another project's tests.
module.exports = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
