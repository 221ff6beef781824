import { ConversationNoteEntity } from './entities/conversation-note.entity';

/** Tables of the notes module. */
export const NOTES_ENTITIES = [ConversationNoteEntity];
