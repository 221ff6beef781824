import { Injectable } from '@nestjs/common';
import { NoteDto } from '@ticklegram/domain-models';
import { InboxGateway } from '../inbox/inbox.gateway';
import { RealtimeService } from '../realtime/realtime.service';

/** The notes module's realtime events: `note.*` — to the conversation's audience, and to each mentioned teammate. */
@Injectable()
export class NotesGateway {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly inbox: InboxGateway,
  ) {}

  created(conversation: { id: string; assigneeId: string | null }, note: NoteDto): void {
    this.realtime.toRooms(this.inbox.audience(conversation.id, conversation.assigneeId), 'note.created', { conversationId: conversation.id, note });
  }

  mentioned(userId: string, conversationId: string, note: NoteDto): void {
    this.realtime.toUser(userId, 'note.mentioned', { conversationId, note });
  }
}
