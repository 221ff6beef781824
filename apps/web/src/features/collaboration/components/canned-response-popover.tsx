'use client';

import type { CannedResponseDto } from '@ticklegram/domain-models';
import { SuggestionPopover, type SuggestionListProps } from '../../../components/suggestions/suggestion-popover';

/** The `/` suggestions above the composer. */
export function CannedResponsePopover({ query, ...list }: SuggestionListProps<CannedResponseDto> & { query: string }) {
  return (
    <SuggestionPopover
      {...list}
      name="canned"
      label="Canned responses"
      hint="Canned responses · ↑↓ to choose, Enter to insert, Esc to close"
      emptyText={query ? `No canned response matches “/${query}”.` : 'No canned responses yet — an admin can add them under Settings.'}
      renderItem={(item) => (
        <>
          <span className="font-mono text-xs text-primary">/{item.shortcut}</span> <span className="font-medium">{item.title}</span>
          <span className="block truncate text-xs text-muted-foreground">{item.body}</span>
        </>
      )}
    />
  );
}
