import { Errors } from './graph-error';

/** One entry of a Graph `fields` expression, e.g. `comments.limit(5).summary(true){id,text}`. */
export interface FieldSpec {
  name: string;
  modifiers: Record<string, string>;
  children?: FieldSpec[];
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseFields(expression: string): FieldSpec[] {
  return splitTopLevel(expression).map((part) => {
    let head = part;
    let children: FieldSpec[] | undefined;
    const brace = part.indexOf('{');
    if (brace !== -1 && part.endsWith('}')) {
      head = part.slice(0, brace);
      children = parseFields(part.slice(brace + 1, -1));
    }
    const [name = '', ...mods] = head.split(/\.(?=[a-z_]+\()/i);
    const modifiers: Record<string, string> = {};
    for (const m of mods) {
      const match = /^([a-z_]+)\((.*)\)$/i.exec(m);
      if (match?.[1]) modifiers[match[1]] = match[2] ?? '';
    }
    return { name: name.trim(), modifiers, children };
  });
}

export interface EdgeOptions {
  filter?: string;
  order?: string;
}

/** A connection (`{data:[...], paging}`) on a node. */
export class Edge {
  constructor(
    readonly list: (options: EdgeOptions) => Array<GraphNode | Record<string, unknown>>,
    readonly defaultFields: string[] = ['id'],
    readonly summary: (items: number) => Record<string, unknown> = (n) => ({ total_count: n }),
  ) {}
}

/** A field whose value depends on its modifiers, e.g. `mentioned_media.media_id(123){caption}`. */
export class Selector {
  constructor(readonly select: (modifiers: Record<string, string>) => GraphNode) {}
}

type FieldValue = unknown;

/** A Graph object: its fields (values or thunks), edges and the fields returned when none are requested. */
export class GraphNode {
  constructor(
    readonly type: string,
    readonly id: string,
    readonly fields: Record<string, FieldValue | (() => FieldValue)>,
    readonly defaults: string[] = ['id'],
  ) {}
}

export interface Page {
  limit: number;
  after?: string;
  before?: string;
}

function encodeCursor(index: number): string {
  return Buffer.from(`sim-cursor:${index}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const m = /^sim-cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

export function renderEdge(
  edge: Edge,
  children: FieldSpec[] | undefined,
  modifiers: Record<string, string>,
  page: Page,
  nextUrl?: (after: string) => string,
): Record<string, unknown> {
  const items = edge.list({ filter: modifiers['filter'], order: modifiers['order'] });
  const limit = Math.max(1, Math.min(Number(modifiers['limit'] ?? page.limit) || 25, 1000));
  const afterIdx = decodeCursor(page.after);
  const beforeIdx = decodeCursor(page.before);
  let start = afterIdx !== undefined ? afterIdx + 1 : 0;
  if (beforeIdx !== undefined) start = Math.max(0, beforeIdx - limit);
  const slice = items.slice(start, start + limit);
  const specs = children ?? parseFields(edge.defaultFields.join(','));
  const data = slice.map((item) => (item instanceof GraphNode ? renderNode(item, specs) : item));
  const out: Record<string, unknown> = { data };
  if (slice.length > 0) {
    const paging: Record<string, unknown> = {
      cursors: { before: encodeCursor(start), after: encodeCursor(start + slice.length - 1) },
    };
    if (start + slice.length < items.length && nextUrl) paging['next'] = nextUrl(encodeCursor(start + slice.length - 1));
    out['paging'] = paging;
  }
  if (modifiers['summary'] !== undefined && modifiers['summary'] !== 'false') out['summary'] = edge.summary(items.length);
  return out;
}

function resolve(value: unknown): unknown {
  return typeof value === 'function' ? (value as () => unknown)() : value;
}

function pick(value: unknown, specs: FieldSpec[]): unknown {
  if (value instanceof GraphNode) return renderNode(value, specs);
  if (Array.isArray(value)) return value.map((v) => pick(v, specs));
  if (value && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    // `picture{url}` on Graph selects inside the `data` wrapper.
    if ('data' in src && !specs.some((s) => s.name === 'data')) return { data: pick(src['data'], specs) };
    const out: Record<string, unknown> = {};
    for (const s of specs) {
      const v = src[s.name];
      if (v !== undefined) out[s.modifiers['as'] ?? s.name] = s.children ? pick(v, s.children) : v;
    }
    return out;
  }
  return value;
}

export function renderNode(node: GraphNode, specs?: FieldSpec[]): Record<string, unknown> {
  const wanted = specs && specs.length > 0 ? specs : parseFields(node.defaults.join(','));
  const out: Record<string, unknown> = {};
  for (const spec of wanted) {
    if (!(spec.name in node.fields)) throw Errors.nonexistingField(spec.name, node.type);
    const resolved = resolve(node.fields[spec.name]);
    const value = resolved instanceof Selector ? resolved.select(spec.modifiers) : resolved;
    if (value === undefined) continue;
    // `field.as(alias)` renames the key in the response (refused on v27+ by the handler).
    const key = spec.modifiers['as'] ?? spec.name;
    if (value instanceof Edge) out[key] = renderEdge(value, spec.children, spec.modifiers, { limit: 25 });
    else if (value instanceof GraphNode) out[key] = renderNode(value, spec.children);
    else out[key] = spec.children ? pick(value, spec.children) : value;
  }
  if (out['id'] === undefined && node.id) out['id'] = node.id;
  return out;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
