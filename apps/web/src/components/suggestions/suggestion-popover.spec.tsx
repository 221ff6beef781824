import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { SuggestionPopover } from './suggestion-popover';
import { useSuggestionMenu, type SuggestionToken } from './use-suggestion-menu';

interface Fruit {
  id: string;
  name: string;
}

const FRUITS: Fruit[] = [
  { id: 'a', name: 'apple' },
  { id: 'b', name: 'banana' },
  { id: 'c', name: 'cherry' },
];

/** `#query` right before the caret (the same shape as `/` and `@` in the composer). */
function hashTokenAt(text: string, caret: number): SuggestionToken | null {
  const match = /(^|\s)#(\w*)$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

/** A textarea with a `#` suggestion list, wired the way the composer wires `/` and `@`. */
function Harness({ onSubmit, loading = false }: { onSubmit: (text: string) => void; loading?: boolean }) {
  const [text, setText] = React.useState('');
  const [caret, setCaret] = React.useState(0);
  const token = hashTokenAt(text, caret);
  const items = token ? FRUITS.filter((f) => f.name.startsWith(token.query)) : [];
  const menu = useSuggestionMenu({ name: 'fruit', token, items: loading ? [] : items });

  function change(value: string, at = value.length) {
    setText(value);
    setCaret(at);
    menu.onTextChange(hashTokenAt(value, at) !== null);
  }
  function pick(item: Fruit) {
    if (!token) return;
    change(`${text.slice(0, token.start)}${item.name} `);
  }
  return (
    <div>
      {menu.open && token ? (
        <SuggestionPopover
          name="fruit"
          label="Fruit"
          hint="Fruit · ↑↓ Enter Esc"
          items={loading ? [] : items}
          activeIndex={menu.activeIndex}
          loading={loading}
          emptyText={`No fruit matches “#${token.query}”.`}
          onPick={pick}
          onHover={menu.setActiveIndex}
          renderItem={(item) => item.name}
        />
      ) : null}
      <textarea
        aria-label="Text"
        value={text}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(event) => {
          if (menu.onKeyDown(event, pick)) return;
          if (event.key === 'Enter') onSubmit(text);
        }}
        {...menu.inputProps}
      />
    </div>
  );
}

const input = () => screen.getByLabelText('Text') as HTMLTextAreaElement;
const type = (value: string) => fireEvent.change(input(), { target: { value } });
const key = (k: string) => fireEvent.keyDown(input(), { key: k });
const options = () => screen.queryAllByRole('option').map((o) => `${o.textContent}${o.getAttribute('aria-selected') === 'true' ? '*' : ''}`);

describe('SuggestionPopover + useSuggestionMenu', () => {
  it('opens on the trigger, moves the highlight with the arrows (wrapping) and points the textarea at it', () => {
    render(<Harness onSubmit={jest.fn()} />);
    type('I like #');
    expect(screen.getByTestId('fruit-popover')).toBeTruthy();
    expect(options()).toEqual(['apple*', 'banana', 'cherry']);
    expect(input().getAttribute('aria-controls')).toBe('fruit-listbox');
    expect(input().getAttribute('aria-activedescendant')).toBe('fruit-option-a');

    key('ArrowDown');
    key('ArrowDown');
    expect(options()).toEqual(['apple', 'banana', 'cherry*']);
    key('ArrowDown');
    expect(options()).toEqual(['apple*', 'banana', 'cherry']);
    key('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe('fruit-option-c');
  });

  it('inserts the highlighted item with Enter or Tab instead of submitting', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    type('I like #b');
    expect(options()).toEqual(['banana*']);
    key('Enter');
    expect(input().value).toBe('I like banana ');
    expect(screen.queryByTestId('fruit-popover')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();

    type('I like banana #c');
    key('Tab');
    expect(input().value).toBe('I like banana cherry ');
    key('Enter');
    expect(onSubmit).toHaveBeenCalledWith('I like banana cherry ');
  });

  it('closes with Esc for that trigger only; a new trigger opens it again', () => {
    render(<Harness onSubmit={jest.fn()} />);
    type('#a');
    key('Escape');
    expect(screen.queryByTestId('fruit-popover')).toBeNull();
    type('#ap');
    expect(screen.queryByTestId('fruit-popover')).toBeNull();
    type('#ap ');
    type('#ap #');
    expect(options()).toEqual(['apple*', 'banana', 'cherry']);
  });

  it('picks with the mouse without taking focus from the textarea', () => {
    render(<Harness onSubmit={jest.fn()} />);
    input().focus();
    type('#');
    const cherry = screen.getByRole('option', { name: 'cherry' });
    fireEvent.mouseEnter(cherry);
    expect(options()).toEqual(['apple', 'banana', 'cherry*']);
    const notPrevented = fireEvent.mouseDown(cherry);
    expect(notPrevented).toBe(false);
    expect(input().value).toBe('cherry ');
    expect(document.activeElement).toBe(input());
  });

  it('says so when nothing matches or the items are still loading, and Enter then submits', () => {
    const onSubmit = jest.fn();
    const view = render(<Harness onSubmit={onSubmit} />);
    type('#kiwi');
    expect(screen.getByTestId('fruit-popover').textContent).toContain('No fruit matches “#kiwi”.');
    expect(input().getAttribute('aria-activedescendant')).toBeNull();
    key('Enter');
    expect(onSubmit).toHaveBeenCalledWith('#kiwi');

    view.rerender(<Harness onSubmit={onSubmit} loading />);
    expect(screen.getByTestId('fruit-popover').textContent).toContain('Loading…');
  });
});
