import type { TemplateParameterFormat } from '../api/templates';

/** `{{…}}` tokens; what is inside is checked separately so a bad name gets its own message. */
const TOKEN = /\{\{([^{}]*)\}\}/g;
const POSITIONAL_NAME = /^[1-9]\d*$/;
/** Meta's named parameters: lowercase letters, digits and underscores, starting with a letter. */
const NAMED_NAME = /^[a-z][a-z0-9_]*$/;

export interface TemplateVariableToken {
  /** What is written between the braces, untrimmed. */
  raw: string;
  /** Offset of the opening `{{`. */
  index: number;
  /** Length of the whole `{{…}}` token. */
  length: number;
}

export function findVariableTokens(text: string): TemplateVariableToken[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ raw: m[1] ?? '', index: m.index ?? 0, length: m[0].length }));
}

export function isPositionalName(name: string): boolean {
  return POSITIONAL_NAME.test(name);
}

export function isNamedName(name: string): boolean {
  return NAMED_NAME.test(name);
}

/** A `{{` or `}}` that is not part of a complete `{{name}}` token. */
export function hasStrayBraces(text: string): boolean {
  const rest = text.replace(TOKEN, '');
  return rest.includes('{{') || rest.includes('}}');
}

/** Named as soon as one variable is not a number; positional otherwise (also when there are none). */
export function detectParameterFormat(text: string): TemplateParameterFormat {
  return findVariableTokens(text).some((t) => !isPositionalName(t.raw)) ? 'NAMED' : 'POSITIONAL';
}

/** The body's variable names, distinct, in order of first appearance. */
export function variableNames(text: string): string[] {
  return [...new Set(findVariableTokens(text).map((t) => t.raw))];
}

/** The variable a URL ends with (`https://example.com/track/{{1}}` → `1`), or null. */
export function urlVariable(url: string): string | null {
  const tokens = findVariableTokens(url);
  const last = tokens[tokens.length - 1];
  return last && last.index + last.length === url.length ? last.raw : null;
}

/** Replaces each `{{name}}` with `values[name]`; names without a value are left as written. */
export function fillVariables(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(TOKEN, (token, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      if (!missing.includes(name)) missing.push(name);
      return token;
    }
    return value;
  });
  return { text: filled, missing };
}
