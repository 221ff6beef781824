// ESLint rule: no import circle between feature folders — the api's modules (apps/api/src/modules/<module>/)
// and the web app's features (apps/web/src/features/<feature>/).
// `import/no-cycle` sees file-to-file circles only; two modules can still depend on each other through
// different files. This rule builds the module graph from every file's relative imports once per lint
// run and reports each import that points into a module which (directly or not) imports this one back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g;

/** `<modulesRoot>/<name>/…` → name, or null outside the modules folder. */
function moduleOf(modulesRoot, file) {
  const prefix = modulesRoot + sep;
  if (!file.startsWith(prefix)) return null;
  return file.slice(prefix.length).split(sep)[0] ?? null;
}

const isSpec = (name) => /\.spec\.tsx?$/.test(name);

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !isSpec(name)) out.push(path);
  }
  return out;
}

/** Module → modules it imports (relative imports of its non-test sources). */
function buildGraph(modulesRoot) {
  const graph = new Map();
  for (const file of sourceFiles(modulesRoot)) {
    const from = moduleOf(modulesRoot, file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT_RE)) {
      const to = moduleOf(modulesRoot, resolve(dirname(file), match[1] ?? match[2]));
      if (!from || !to || from === to) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from).add(to);
    }
  }
  return graph;
}

/** A path from `start` to `target` in the graph (module names), or null. */
function pathBetween(graph, start, target) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length) {
    const path = queue.shift();
    const last = path[path.length - 1];
    if (last === target) return path;
    for (const next of graph.get(last) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  return null;
}

const graphs = new Map();

export const noModuleCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Feature modules must not import each other in a circle (the module graph stays a DAG).' },
    schema: [{ type: 'object', properties: { modulesRoot: { type: 'string' } }, required: ['modulesRoot'], additionalProperties: false }],
    messages: {
      cycle:
        'Module "{{from}}" imports "{{to}}", which imports it back ({{path}}). Move the shared part to the module both depend on, or let one register with the other.',
    },
  },
  create(context) {
    const modulesRoot = resolve(context.options[0].modulesRoot);
    const file = resolve(context.filename);
    const from = moduleOf(modulesRoot, file);
    if (!from || isSpec(file)) return {};
    if (!graphs.has(modulesRoot)) graphs.set(modulesRoot, buildGraph(modulesRoot));
    const graph = graphs.get(modulesRoot);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = moduleOf(modulesRoot, resolve(dirname(file), spec));
      if (!to || to === from) return;
      const back = pathBetween(graph, to, from);
      if (back) context.report({ node: node.source, messageId: 'cycle', data: { from, to, path: [from, ...back].join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-module-cycle': noModuleCycle } };
