import { NoteDto } from '@ticklegram/domain-models';
import { ConversationNoteEntity } from './entities/conversation-note.entity';

export function toNoteDto(note: ConversationNoteEntity, authorName: string): NoteDto {
  return {
    id: note.id,
    conversationId: note.conversationId,
    authorId: note.authorId,
    authorName,
    body: note.body,
    mentionUserIds: note.mentionUserIds,
    createdAt: note.createdAt.toISOString(),
  };
}
