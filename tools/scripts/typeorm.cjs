#!/usr/bin/env node
// Runs the TypeORM CLI against the api's data source, resolving the tsconfig path aliases
// (the CLI cannot do that on its own — STACK.md). Usage: npm run db:migration:run
const { join } = require('node:path');
const root = join(__dirname, '../..');
process.env.TS_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
const [command, ...rest] = process.argv.slice(2);
const dataSource = ['-d', join(root, 'apps/api/src/database/data-source.cli.ts')];
// generate takes the migration path first: `npm run db:migration:generate -- apps/api/src/database/migrations/AddThing`
const args = command === 'migration:generate' ? [command, ...rest, ...dataSource] : [command, ...dataSource, ...rest];
process.argv = [process.argv[0], 'typeorm', ...args];
require('typeorm/cli');
