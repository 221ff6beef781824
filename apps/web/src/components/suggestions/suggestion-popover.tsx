'use client';

import type * as React from 'react';
import { cn } from '../../lib/utils';

/** What the composer passes to any suggestion list. */
export interface SuggestionListProps<T> {
  items: readonly T[];
  activeIndex: number;
  loading: boolean;
  onPick: (item: T) => void;
  onHover: (index: number) => void;
}

export interface SuggestionPopoverProps<T extends { id: string }> extends SuggestionListProps<T> {
  /** Names the ids: `{name}-popover` (test id), `{name}-listbox`, `{name}-option-{item.id}`. */
  name: string;
  /** The listbox's accessible name. */
  label: string;
  /** The line above the list: what it is and which keys work. */
  hint: string;
  /** Shown when nothing matches (and nothing is loading). */
  emptyText: string;
  renderItem: (item: T) => React.ReactNode;
  itemClassName?: string;
}

/**
 * The keyboard suggestion list above a textarea (`/` canned responses, `@` mentions). Focus stays in
 * the textarea: its keys are handled by `useSuggestionMenu`, which also wires `aria-activedescendant`.
 */
export function SuggestionPopover<T extends { id: string }>({
  name,
  label,
  hint,
  items,
  activeIndex,
  loading,
  emptyText,
  onPick,
  onHover,
  renderItem,
  itemClassName,
}: SuggestionPopoverProps<T>) {
  return (
    <div
      className="absolute inset-x-3 bottom-full z-20 mb-1 overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-md"
      data-testid={`${name}-popover`}
    >
      <p className="border-b px-3 py-1.5 text-[11px] text-muted-foreground">{hint}</p>
      {items.length === 0 ? (
        <p className="px-3 py-2 text-sm text-muted-foreground">{loading ? 'Loading…' : emptyText}</p>
      ) : (
        <ul role="listbox" id={`${name}-listbox`} aria-label={label} className="max-h-60 overflow-y-auto py-1">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`${name}-option-${item.id}`}
              role="option"
              aria-selected={index === activeIndex}
              className={cn('cursor-pointer px-3 py-1.5 text-sm', itemClassName, index === activeIndex && 'bg-accent text-accent-foreground')}
              onMouseEnter={() => onHover(index)}
              // mousedown: keep the textarea focused
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(item);
              }}
            >
              {renderItem(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
