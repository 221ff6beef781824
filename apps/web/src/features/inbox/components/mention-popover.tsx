'use client';

import type { TeammateDto } from '@ticklegram/domain-models';
import { SuggestionPopover, type SuggestionListProps } from '../../../components/suggestions/suggestion-popover';

/** The `@` suggestions above the note composer. */
export function MentionPopover({ query, ...list }: SuggestionListProps<TeammateDto> & { query: string }) {
  return (
    <SuggestionPopover
      {...list}
      name="mention"
      label="Teammates"
      hint="Mention a teammate · ↑↓ to choose, Enter or Tab to insert, Esc to close"
      emptyText={`No teammate matches “@${query}”.`}
      itemClassName="flex items-center gap-2"
      renderItem={(item) => (
        <>
          <span className="font-medium">{item.name}</span>
          <span className="text-xs text-muted-foreground">{item.role === 'ADMIN' ? 'Admin' : 'Agent'}</span>
        </>
      )}
    />
  );
}
