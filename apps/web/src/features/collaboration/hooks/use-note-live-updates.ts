'use client';

import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useRealtimeEvent } from '../../realtime/use-realtime';
import { applyNoteEvent } from '../note-events';

/** Puts teammates' private notes into the open thread, and tells you when one mentions you (on any page). */
export function useNoteLiveUpdates(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('note.created', ({ note }) => applyNoteEvent(queryClient, note));
  useRealtimeEvent('note.mentioned', ({ note }) => {
    applyNoteEvent(queryClient, note);
    toast(`${note.authorName} mentioned you in a note`, {
      description: note.body.length > 120 ? `${note.body.slice(0, 117)}…` : note.body,
      action: { label: 'Open', onClick: () => window.location.assign(`/inbox/${note.conversationId}`) },
    });
  });
}
