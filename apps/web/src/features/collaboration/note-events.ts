import type { QueryClient } from '@tanstack/react-query';
import type { NoteDto } from '@ticklegram/domain-models';
import { collaborationKeys } from './api';

/** Adds a note pushed over the socket to the conversation's cached notes (once). */
export function applyNoteEvent(queryClient: QueryClient, note: NoteDto): void {
  queryClient.setQueryData<NoteDto[]>(collaborationKeys.notes(note.conversationId), (notes) =>
    notes === undefined || notes.some((n) => n.id === note.id) ? notes : [...notes, note],
  );
}
