'use client';

import type { TeammateDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';

/** The `@` suggestions above the note composer; keyboard handling lives in the composer (focus stays in the textarea). */
export function MentionPopover({
  items,
  activeIndex,
  query,
  loading,
  onPick,
  onHover,
}: {
  items: TeammateDto[];
  activeIndex: number;
  query: string;
  loading: boolean;
  onPick: (item: TeammateDto) => void;
  onHover: (index: number) => void;
}) {
  return (
    <div className="absolute inset-x-3 bottom-full z-20 mb-1 overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-md" data-testid="mention-popover">
      <p className="border-b px-3 py-1.5 text-[11px] text-muted-foreground">Mention a teammate · ↑↓ to choose, Enter or Tab to insert, Esc to close</p>
      {items.length === 0 ? (
        <p className="px-3 py-2 text-sm text-muted-foreground">{loading ? 'Loading…' : `No teammate matches “@${query}”.`}</p>
      ) : (
        <ul role="listbox" id="mention-listbox" aria-label="Teammates" className="max-h-60 overflow-y-auto py-1">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`mention-option-${item.id}`}
              role="option"
              aria-selected={index === activeIndex}
              className={cn('flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm', index === activeIndex && 'bg-accent text-accent-foreground')}
              onMouseEnter={() => onHover(index)}
              // mousedown: keep the textarea focused
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(item);
              }}
            >
              <span className="font-medium">{item.name}</span>
              <span className="text-xs text-muted-foreground">{item.role === 'ADMIN' ? 'Admin' : 'Agent'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
