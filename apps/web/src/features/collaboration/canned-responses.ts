import type { CannedResponseDto } from '@ticklegram/domain-models';

/** The `/query` being typed right before the caret, or null when the caret is not in one. */
export interface SlashToken {
  /** Index of the `/`. */
  start: number;
  /** What follows the `/` up to the caret (may be empty). */
  query: string;
}

/**
 * A slash command starts at the beginning of the text or after whitespace and runs to the caret without
 * spaces — so URLs (`https://…`) and fractions (`1/2`) never open the popover.
 */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return null;
  const query = match[2];
  return { start: caret - query.length - 1, query };
}

/** Shortcut prefix matches first, then shortcut/title substring matches; case-insensitive. */
export function filterCannedResponses(items: readonly CannedResponseDto[], query: string, limit = 8): CannedResponseDto[] {
  const q = query.trim().toLowerCase();
  if (!q) return items.slice(0, limit);
  const prefix = items.filter((c) => c.shortcut.toLowerCase().startsWith(q));
  const rest = items.filter((c) => !prefix.includes(c) && (c.shortcut.toLowerCase().includes(q) || c.title.toLowerCase().includes(q)));
  return [...prefix, ...rest].slice(0, limit);
}

/** Replaces the `/query` token with the response body; returns the new text and caret position. */
export function insertCannedResponse(text: string, token: SlashToken, caret: number, body: string): { text: string; caret: number } {
  const next = text.slice(0, token.start) + body + text.slice(caret);
  return { text: next, caret: token.start + body.length };
}
