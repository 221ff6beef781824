import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentModule } from '../assignment/assignment.module';
import { UsersModule } from '../users/users.module';
import { ConversationNoteRepository } from './conversation-note.repository';
import { ConversationNoteEntity } from './entities/conversation-note.entity';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

/** Private notes with @mentions (never sent to Meta). */
@Module({
  imports: [TypeOrmModule.forFeature([ConversationNoteEntity]), AssignmentModule, UsersModule],
  controllers: [NotesController],
  providers: [ConversationNoteRepository, NotesService],
})
export class NotesModule {}
