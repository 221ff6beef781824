// Loads the api's search tokenizer (apps/api/src/common/search/search-text.ts, which imports nothing) by
// transpiling it with the workspace's TypeScript, so seeded rows get exactly the terms the api writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './bench-lib.mjs';

export async function loadSearchText() {
  const source = readFileSync(join(ROOT, 'apps/api/src/common/search/search-text.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}
