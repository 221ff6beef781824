'use client';

import * as React from 'react';
import { isTypingTarget } from './keyboard';

/**
 * The keys of a list page (inbox, comments desk): `/` focuses the search, `j` / `k` move to the next /
 * previous item. Not while typing, with a modifier, or while a dialog is open. `move` returns whether
 * it moved (then the key is consumed).
 */
export function useListShortcuts(searchRef: React.RefObject<HTMLInputElement | null>, move: (step: 1 | -1) => boolean): void {
  const moveRef = React.useRef(move);
  React.useEffect(() => {
    moveRef.current = move;
  }, [move]);

  React.useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('[role="dialog"]')) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if ((event.key === 'j' || event.key === 'k') && moveRef.current(event.key === 'j' ? 1 : -1)) {
        event.preventDefault();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
