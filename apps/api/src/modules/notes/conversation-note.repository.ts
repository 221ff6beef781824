import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConversationNoteEntity } from './entities/conversation-note.entity';

/** Notes of one conversation; callers check the conversation's scope first. */
@Injectable()
export class ConversationNoteRepository {
  constructor(@InjectRepository(ConversationNoteEntity) private readonly repo: Repository<ConversationNoteEntity>) {}

  listFor(conversationId: string): Promise<ConversationNoteEntity[]> {
    return this.repo.find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  insert(note: Pick<ConversationNoteEntity, 'conversationId' | 'authorId' | 'body' | 'mentionUserIds'>): Promise<ConversationNoteEntity> {
    return this.repo.save(this.repo.create(note));
  }
}
