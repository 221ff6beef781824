import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import { CustomerActionError } from '../customer/customer-actions';

/** Shared shapes and helpers of the `/_sim/…` control routes. */

export type Body = Record<string, unknown>;
export type Handler = (ctx: SimContext, m: RegExpExecArray, body: Body, url: URL) => unknown | Promise<unknown>;
export type Route = [method: string, path: RegExp, handler: Handler];

export const HOUR = 3_600_000;

export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function required(body: Body, key: string): string {
  const v = str(body[key]);
  if (!v) throw new CustomerActionError(400, `${key} is required`);
  return v;
}

export function notFound(what: string): never {
  throw new CustomerActionError(404, what);
}

export function badRequest(message: string): never {
  throw new CustomerActionError(400, message);
}
