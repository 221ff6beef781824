/** Graph cursor paging block (`paging.cursors.after` / `paging.next`). */
export interface GraphPaging {
  cursors?: { before?: string; after?: string };
  next?: string;
  previous?: string;
}

export interface GraphPage<T> {
  data: T[];
  paging?: GraphPaging;
  summary?: Record<string, unknown>;
}

/** Query parameters that continue after `page`, or undefined when it is the last page. */
export function nextPageParams(paging: GraphPaging | undefined): Record<string, string> | undefined {
  // Meta: when `next` is absent this is the last page, even if cursors are present.
  if (!paging?.next) return undefined;
  if (paging.cursors?.after) return { after: paging.cursors.after };
  // Time- or offset-based paging: reuse the continuation parameters from the `next` URL,
  // but never its token (we add our own token + appsecret_proof).
  let url: URL;
  try {
    url = new URL(paging.next);
  } catch {
    return undefined;
  }
  const params: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    if (key !== 'access_token' && key !== 'appsecret_proof') params[key] = value;
  });
  return Object.keys(params).length > 0 ? params : undefined;
}

export interface PaginateOptions {
  /** Stop after this many pages (guards against endless feeds). Default: unlimited. */
  maxPages?: number;
}

/**
 * Async iterator over every item of a paged Graph edge. `fetchPage` gets the continuation params
 * (empty for the first page) and returns one page.
 */
export async function* paginate<T>(
  fetchPage: (continuation: Record<string, string>) => Promise<GraphPage<T>>,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  let continuation: Record<string, string> | undefined = {};
  let pages = 0;
  const seen = new Set<string>();
  while (continuation) {
    const page: GraphPage<T> = await fetchPage(continuation);
    pages++;
    for (const item of page.data ?? []) yield item;
    if (options.maxPages !== undefined && pages >= options.maxPages) return;
    continuation = nextPageParams(page.paging);
    if (continuation) {
      const key = JSON.stringify(continuation);
      if (seen.has(key)) return; // a cursor that repeats would loop forever
      seen.add(key);
    }
  }
}

/** Collects an async iterable into an array (handy for small edges and tests). */
export async function collect<T>(iterable: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
