'use client';

import * as React from 'react';

/** The trigger being typed before the caret (`/que`, `@An`): where it starts and what follows it. */
export interface SuggestionToken {
  start: number;
  query: string;
}

export interface SuggestionMenu<T> {
  open: boolean;
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  /** Call on every text change, with whether a trigger is still at the caret. */
  onTextChange: (hasToken: boolean) => void;
  /** Closes the list for the trigger starting at `start` only; a new trigger opens it again. */
  dismiss: (start: number) => void;
  /** ↑ ↓ move, Enter / Tab pick, Esc closes — while open. Returns whether the key was used. */
  onKeyDown: (event: React.KeyboardEvent<HTMLElement>, pick: (item: T) => void) => boolean;
  /** For the textarea: points assistive tech at the highlighted option. */
  inputProps: { 'aria-controls'?: string; 'aria-activedescendant'?: string };
}

/**
 * State and keys of a `SuggestionPopover` named `name`: which option is highlighted, and which
 * trigger the user dismissed with Esc. `canOpen` adds a condition of the caller's (e.g. only while
 * something can still match).
 */
export function useSuggestionMenu<T extends { id: string }>({
  name,
  token,
  items,
  canOpen = true,
}: {
  name: string;
  token: SuggestionToken | null;
  items: readonly T[];
  canOpen?: boolean;
}): SuggestionMenu<T> {
  const [index, setIndex] = React.useState(0);
  const [dismissedAt, setDismissedAt] = React.useState<number | null>(null);
  const open = token !== null && token.start !== dismissedAt && canOpen;
  const activeIndex = Math.min(index, Math.max(items.length - 1, 0));
  const active = open ? items[activeIndex] : undefined;

  const onTextChange = React.useCallback((hasToken: boolean) => {
    setIndex(0);
    if (!hasToken) setDismissedAt(null);
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLElement>, pick: (item: T) => void): boolean {
    if (!open || !token) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(token.start);
      return true;
    }
    if (items.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((activeIndex + step + items.length) % items.length);
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      pick(items[activeIndex]);
      return true;
    }
    return false;
  }

  return {
    open,
    activeIndex,
    setActiveIndex: setIndex,
    onTextChange,
    dismiss: setDismissedAt,
    onKeyDown,
    inputProps: active ? { 'aria-controls': `${name}-listbox`, 'aria-activedescendant': `${name}-option-${active.id}` } : {},
  };
}
