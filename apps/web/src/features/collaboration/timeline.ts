import type { MessageDto, NoteDto } from '@ticklegram/domain-models';

/** Notes to show just before a message, and those after the last one, interleaved by time. */
export interface NotePlacement {
  before: Map<string, NoteDto[]>;
  after: NoteDto[];
}

/**
 * Places each note before the first message sent after it. While older messages are not loaded yet
 * (`complete` false), notes older than the first loaded message wait until they are.
 */
export function placeNotes(messages: readonly MessageDto[], notes: readonly NoteDto[], complete: boolean): NotePlacement {
  const before = new Map<string, NoteDto[]>();
  const after: NoteDto[] = [];
  const sorted = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const firstAt = messages[0] ? Date.parse(messages[0].sentAt) : null;
  for (const note of sorted) {
    const at = Date.parse(note.createdAt);
    if (!complete && firstAt !== null && at < firstAt) continue;
    const next = messages.find((m) => Date.parse(m.sentAt) > at);
    if (!next) after.push(note);
    else before.set(next.id, [...(before.get(next.id) ?? []), note]);
  }
  return { before, after };
}
