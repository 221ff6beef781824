/** A teammate who can be mentioned in a private note. */
export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The teammates a note mentions: `@email` or `@Full Name` (case-insensitive), ending at a word boundary
 * so `@Ann` does not match `@Anna`. Pure, shared by the api (who gets notified) and the web (highlighting).
 * Returns ids in the order of the candidates, each once.
 */
export function findMentions(body: string, candidates: readonly MentionCandidate[]): string[] {
  const found: string[] = [];
  for (const candidate of candidates) {
    const handles = [candidate.email, candidate.name].map((h) => h.trim()).filter((h) => h.length > 0);
    const mentioned = handles.some((handle) => new RegExp(`(^|[^\\w@.])@${escapeRegExp(handle)}(?![\\w@])`, 'i').test(body));
    if (mentioned && !found.includes(candidate.id)) found.push(candidate.id);
  }
  return found;
}
