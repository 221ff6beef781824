import type { MentionCandidate, TeammateDto } from '@ticklegram/domain-models';

/** The `@query` being typed right before the caret, or null when the caret is not in one. */
export interface MentionToken {
  /** Index of the `@`. */
  start: number;
  /** What follows the `@` up to the caret (may be empty, may contain spaces: names have them). */
  query: string;
}

const MAX_QUERY = 40;

/**
 * An `@` opens a mention where `findMentions` would recognise one: at the start or after a character
 * that is not a word character, `@` or `.` — so emails (`ana@x.com`) never open the popover. The query
 * runs to the caret on the same line and may hold spaces (`@Ana Li`); `filterTeammates` decides whether
 * anything still matches.
 */
export function mentionTokenAt(text: string, caret: number): MentionToken | null {
  const before = text.slice(0, caret);
  const match = new RegExp(`(^|[^\\w@.])@((?:[^\\s@][^@\\n]{0,${MAX_QUERY - 1}})?)$`).exec(before);
  if (!match) return null;
  const query = match[2];
  return { start: caret - query.length - 1, query };
}

/**
 * Teammates for a query, case-insensitive: whole-name prefix first, then a later word's prefix, then
 * any substring. Once the query holds a space only whole-name prefixes count, so `@Ana thanks` closes.
 */
export function filterTeammates(teammates: readonly TeammateDto[], query: string, limit = 8): TeammateDto[] {
  const q = query.toLowerCase();
  if (!q.trim()) return teammates.slice(0, limit);
  const name = (t: TeammateDto) => t.name.toLowerCase();
  const prefix = teammates.filter((t) => name(t).startsWith(q));
  if (/\s/.test(q)) return prefix.slice(0, limit);
  const word = teammates.filter(
    (t) =>
      !prefix.includes(t) &&
      name(t)
        .split(/\s+/)
        .some((w) => w.startsWith(q)),
  );
  const rest = teammates.filter((t) => !prefix.includes(t) && !word.includes(t) && name(t).includes(q));
  return [...prefix, ...word, ...rest].slice(0, limit);
}

/**
 * Replaces the `@query` token with `@Full Name ` (one space after, unless one already follows) and
 * returns the new text and caret, which lands after that space.
 */
export function insertMention(text: string, token: MentionToken, caret: number, name: string): { text: string; caret: number } {
  const after = text.slice(caret);
  const mention = `@${name.trim()}`;
  const space = /^\s/.test(after) ? '' : ' ';
  const next = text.slice(0, token.start) + mention + space + after;
  return { text: next, caret: token.start + mention.length + 1 };
}

/** Directory entries as `findMentions` candidates (the directory has no emails, so only `@Full Name` counts). */
export function teammatesAsMentionCandidates(teammates: readonly TeammateDto[]): MentionCandidate[] {
  return teammates.map((t) => ({ id: t.id, name: t.name, email: '' }));
}
