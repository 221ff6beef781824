import { Injectable } from '@nestjs/common';
import { findMentions, NoteDto } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { ConversationAccessPolicy } from '../inbox/conversation-access.policy';
import { ConversationNotFoundException } from '../inbox/inbox.exception';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { UserRepository } from '../users/repositories/user.repository';
import { ConversationNoteRepository } from './conversation-note.repository';
import { CreateNoteRequestDto } from './dto/create-note.request.dto';
import { toNoteDto } from './note.mapper';
import { NotesGateway } from './notes.gateway';

/**
 * Private notes: stored and shown to teammates only — nothing here talks to Meta. Mentions come from
 * `@Name` / `@email` in the body plus explicit ids; only active teammates who may see the conversation
 * are kept (the access policy is not bypassed by being mentioned).
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly conversations: ScopedConversationRepository,
    private readonly notes: ConversationNoteRepository,
    private readonly users: UserRepository,
    private readonly gateway: NotesGateway,
  ) {}

  async list(caller: AuthUser, conversationId: string): Promise<NoteDto[]> {
    await this.visible(caller, conversationId);
    const [notes, names] = await Promise.all([this.notes.listFor(conversationId), this.userNames()]);
    return notes.map((note) => toNoteDto(note, names.get(note.authorId) ?? 'Former teammate'));
  }

  async create(caller: AuthUser, conversationId: string, body: CreateNoteRequestDto): Promise<NoteDto> {
    const conversation = await this.visible(caller, conversationId);
    const users = await this.users.list();
    const teammates = users.filter((u) => u.active && u.id !== caller.id);
    const explicit = new Set(body.mentionUserIds ?? []);
    const parsed = new Set(findMentions(body.body, teammates));
    const mentioned = teammates.filter((u) => (explicit.has(u.id) || parsed.has(u.id)) && ConversationAccessPolicy.canSee(u, conversation));
    const note = await this.notes.insert({ conversationId, authorId: caller.id, body: body.body, mentionUserIds: mentioned.map((u) => u.id) });
    const dto = toNoteDto(note, users.find((u) => u.id === caller.id)?.name ?? caller.email);
    this.gateway.created(conversation, dto);
    for (const user of mentioned) this.gateway.mentioned(user.id, conversationId, dto);
    return dto;
  }

  private async visible(caller: AuthUser, conversationId: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findVisible(caller, conversationId);
    if (!conversation) throw new ConversationNotFoundException();
    return conversation;
  }

  private async userNames(): Promise<Map<string, string>> {
    return new Map((await this.users.list()).map((u) => [u.id, u.name]));
  }
}
