/**
 * Graph API v27.0 (2026-11-04) stops multi-ID requests (`?ids=a,b`), field aliases (`fields=name.as(x)`)
 * and the `method=` override for apps (reference §11). This client never sends them, on any version:
 * one id per request, plain field names, the real HTTP method.
 */
export class ForbiddenGraphFeatureError extends Error {
  override readonly name = 'ForbiddenGraphFeatureError';
}

interface RequestParts {
  path: string;
  query?: Record<string, unknown>;
  form?: Record<string, string>;
  body?: unknown;
}

const ALIAS = /\.as\(/;

/** Throws when a request would use a Graph feature v27.0 removed (a programming error, caught before any call). */
export function assertNoRemovedGraphFeatures(req: RequestParts): void {
  const query = req.query ?? {};
  const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  const named = (key: string) => key in query || (req.form !== undefined && key in req.form) || key in body || new RegExp(`[?&]${key}=`).test(req.path);
  if (named('ids')) throw new ForbiddenGraphFeatureError('multi-ID requests (?ids=) are removed in Graph API v27.0: request one node at a time');
  if (named('method')) throw new ForbiddenGraphFeatureError('the method= override is removed in Graph API v27.0: send the real HTTP method');
  const fields = [query['fields'], req.form?.['fields'], body['fields']].filter((f): f is string => typeof f === 'string');
  if (fields.some((f) => ALIAS.test(f)) || ALIAS.test(req.path))
    throw new ForbiddenGraphFeatureError('field aliases (.as()) are removed in Graph API v27.0: request the field by its name');
}
