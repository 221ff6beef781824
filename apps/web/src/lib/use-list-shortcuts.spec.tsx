import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { useListShortcuts } from './use-list-shortcuts';

function List({ move }: { move: (step: 1 | -1) => boolean }) {
  const searchRef = React.useRef<HTMLInputElement>(null);
  useListShortcuts(searchRef, move);
  return (
    <div>
      <input aria-label="Search" ref={searchRef} />
      <textarea aria-label="Reply" />
    </div>
  );
}

describe('useListShortcuts', () => {
  it('/ focuses the search; j and k move, and only a move consumes the key', () => {
    const move = jest.fn((step: 1 | -1) => step === 1);
    render(<List move={move} />);
    const slash = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    window.dispatchEvent(slash);
    expect(slash.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Search'));

    (document.activeElement as HTMLElement).blur();
    const j = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    const k = new KeyboardEvent('keydown', { key: 'k', bubbles: true, cancelable: true });
    window.dispatchEvent(j);
    window.dispatchEvent(k);
    expect(move.mock.calls).toEqual([[1], [-1]]);
    expect([j.defaultPrevented, k.defaultPrevented]).toEqual([true, false]);
  });

  it('stays out of the way while typing, with a modifier, or while a dialog is open', () => {
    const move = jest.fn(() => true);
    render(<List move={move} />);
    fireEvent.keyDown(screen.getByLabelText('Reply'), { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.appendChild(dialog);
    fireEvent.keyDown(document.body, { key: 'j' });
    dialog.remove();
    expect(move).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(move).toHaveBeenCalledWith(1);
  });
});
