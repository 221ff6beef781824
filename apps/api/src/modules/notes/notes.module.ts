import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { UsersModule } from '../users/users.module';
import { ConversationNoteRepository } from './conversation-note.repository';
import { ConversationNoteEntity } from './entities/conversation-note.entity';
import { NotesController } from './notes.controller';
import { NotesGateway } from './notes.gateway';
import { NotesService } from './notes.service';

/** Private notes with @mentions (`conversation_notes`, never sent to Meta), built on the inbox core. */
@Module({
  imports: [TypeOrmModule.forFeature([ConversationNoteEntity]), InboxModule, UsersModule],
  controllers: [NotesController],
  providers: [ConversationNoteRepository, NotesService, NotesGateway],
})
export class NotesModule {}
