'use client';

import type { CannedResponseDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';

/** The `/` suggestions above the composer; keyboard handling lives in the composer (focus stays in the textarea). */
export function CannedResponsePopover({
  items,
  activeIndex,
  query,
  loading,
  onPick,
  onHover,
}: {
  items: CannedResponseDto[];
  activeIndex: number;
  query: string;
  loading: boolean;
  onPick: (item: CannedResponseDto) => void;
  onHover: (index: number) => void;
}) {
  return (
    <div className="absolute inset-x-3 bottom-full z-20 mb-1 overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-md" data-testid="canned-popover">
      <p className="border-b px-3 py-1.5 text-[11px] text-muted-foreground">Canned responses · ↑↓ to choose, Enter to insert, Esc to close</p>
      {items.length === 0 ? (
        <p className="px-3 py-2 text-sm text-muted-foreground">{loading ? 'Loading…' : query ? `No canned response matches “/${query}”.` : 'No canned responses yet — an admin can add them under Settings.'}</p>
      ) : (
        <ul role="listbox" id="canned-listbox" aria-label="Canned responses" className="max-h-60 overflow-y-auto py-1">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`canned-option-${item.id}`}
              role="option"
              aria-selected={index === activeIndex}
              className={cn('cursor-pointer px-3 py-1.5 text-sm', index === activeIndex && 'bg-accent text-accent-foreground')}
              onMouseEnter={() => onHover(index)}
              // mousedown: keep the textarea focused
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(item);
              }}
            >
              <span className="font-mono text-xs text-primary">/{item.shortcut}</span> <span className="font-medium">{item.title}</span>
              <span className="block truncate text-xs text-muted-foreground">{item.body}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
