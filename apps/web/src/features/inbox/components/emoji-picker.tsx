'use client';

import { Smile } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from '../../../components/ui/dropdown-menu';

/** A small in-tree set: the emoji agents actually use in support replies. */
const EMOJI = [
  '😀',
  '😊',
  '😂',
  '😍',
  '🥰',
  '😉',
  '🙂',
  '🤗',
  '🤔',
  '😅',
  '😢',
  '😮',
  '👍',
  '👏',
  '🙏',
  '👋',
  '🙌',
  '💪',
  '👌',
  '✌️',
  '❤️',
  '💙',
  '💜',
  '🧡',
  '🎉',
  '✨',
  '🔥',
  '⭐',
  '✅',
  '❌',
  '📦',
  '🚚',
  '🛍️',
  '💳',
  '📅',
  '⏰',
];

export function EmojiPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" size="icon" variant="ghost" className="size-8" aria-label="Insert emoji" disabled={disabled}>
          <Smile />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" side="top" className="w-auto p-2">
        <div className="grid grid-cols-6 gap-0.5" role="group" aria-label="Emoji">
          {EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="flex size-8 items-center justify-center rounded-md text-lg hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
              onClick={() => onPick(emoji)}
              aria-label={`Insert ${emoji}`}
            >
              {emoji}
            </button>
          ))}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
