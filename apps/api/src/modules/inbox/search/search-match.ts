import { SearchMatchDto } from '@ticklegram/domain-models';
import { searchSnippet } from '../../../common/search/search-text';
import { ContactEntity } from '../entities/contact.entity';

/** The contact field a query matched (display name first), as a highlighted snippet. */
export function contactMatch(contact: Pick<ContactEntity, 'displayName' | 'name' | 'username'>, query: string): SearchMatchDto | null {
  const fields: [SearchMatchDto['field'], string | null][] = [
    ['name', contact.displayName],
    ['name', contact.name],
    ['username', contact.username],
  ];
  for (const [field, value] of fields) {
    const snippet = value ? searchSnippet(value, query) : null;
    if (snippet) return { field, snippet: snippet.text, highlights: snippet.highlights, messageId: null, sentAt: null };
  }
  return null;
}

export function messageMatch(message: { id: string; text: string; sentAt: Date }, query: string): SearchMatchDto | null {
  const snippet = searchSnippet(message.text, query);
  return snippet && { field: 'message', snippet: snippet.text, highlights: snippet.highlights, messageId: message.id, sentAt: message.sentAt.toISOString() };
}
