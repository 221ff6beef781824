import { Lock } from 'lucide-react';
import type { NoteDto } from '@ticklegram/domain-models';
import { formatClock } from '../format';

/** A private note in the thread: yellow, full width, never confused with a message to the customer. */
export function NoteBubble({ note }: { note: NoteDto }) {
  return (
    <article
      className="mx-auto w-full max-w-xl rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
      data-testid="private-note"
      aria-label={`Private note by ${note.authorName}`}
    >
      <header className="mb-1 flex items-center gap-1.5 text-[11px] font-medium uppercase tracking-wide text-amber-700 dark:text-amber-300">
        <Lock className="size-3" aria-hidden />
        Private note · {note.authorName}
        <time className="ml-auto font-normal normal-case tracking-normal" dateTime={note.createdAt}>
          {formatClock(note.createdAt)}
        </time>
      </header>
      <p className="whitespace-pre-wrap break-words">{note.body}</p>
    </article>
  );
}
