import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any body the api accepts (template components are the deepest, at about 6). */
export const MAX_JSON_DEPTH = 32;

/** How deep `value` nests objects and arrays, without recursion (the point is to survive hostile depth). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: level });
  }
  return deepest;
}

/**
 * Refuses parsed JSON bodies nested deeper than {@link MAX_JSON_DEPTH} with a 400, before validation:
 * class-transformer and class-validator recurse, and a body nested a few thousand levels deep would
 * overflow the stack inside them (a 500).
 */
export function jsonDepthLimit(req: Request, _res: Response, next: NextFunction): void {
  if (req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body) && jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    next(new BadRequestException(`The request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`));
    return;
  }
  next();
}
