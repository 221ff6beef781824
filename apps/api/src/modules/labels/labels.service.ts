import { Injectable } from '@nestjs/common';
import { ConversationDto, LabelDto } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AssignmentException } from '../assignment/assignment.exception';
import { ConversationEventsPublisher } from '../assignment/conversation-events.publisher';
import { ScopedConversationRepository } from '../assignment/scoped-conversation.repository';
import { AuditService } from '../audit/audit.service';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { toConversationDto } from '../inbox/inbox.mapper';
import { CreateLabelRequestDto, UpdateLabelRequestDto } from './dto/label.request.dto';
import { LabelEntity } from './entities/label.entity';
import { toLabelDto } from './label.mapper';
import { LabelRepository } from './label.repository';
import { LabelsException, LabelsExceptionCode } from './labels.exception';

/** Admin-managed labels (audited) and the labels on a conversation (anyone who may see it). */
@Injectable()
export class LabelsService {
  constructor(
    private readonly labels: LabelRepository,
    private readonly conversations: ScopedConversationRepository,
    private readonly events: ConversationEventsPublisher,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<LabelDto[]> {
    return (await this.labels.list()).map(toLabelDto);
  }

  async create(actor: AuthUser, body: CreateLabelRequestDto, ip: string | null): Promise<LabelDto> {
    await this.assertNameFree(body.name);
    const saved = await this.labels.save(body);
    await this.audit.record({ actor, action: 'label.created', target: { type: 'label', id: saved.id }, details: { name: saved.name, color: saved.color }, ip });
    return toLabelDto(saved);
  }

  async update(actor: AuthUser, id: string, body: UpdateLabelRequestDto, ip: string | null): Promise<LabelDto> {
    const label = await this.get(id);
    if (body.name !== undefined && body.name !== label.name) await this.assertNameFree(body.name);
    Object.assign(label, body);
    const saved = await this.labels.save(label);
    await this.audit.record({ actor, action: 'label.updated', target: { type: 'label', id }, details: { ...body }, ip });
    return toLabelDto(saved);
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    const label = await this.get(id);
    await this.labels.remove(id);
    await this.audit.record({ actor, action: 'label.deleted', target: { type: 'label', id }, details: { name: label.name }, ip });
  }

  async ofConversation(caller: AuthUser, conversationId: string): Promise<LabelDto[]> {
    await this.visible(caller, conversationId);
    return ((await this.labels.forConversations([conversationId])).get(conversationId) ?? []).map(toLabelDto);
  }

  /** Replaces the conversation's labels; everyone who may see it hears `conversation.updated`. */
  async setOnConversation(caller: AuthUser, conversationId: string, labelIds: string[]): Promise<ConversationDto> {
    const conversation = await this.visible(caller, conversationId);
    const found = await this.labels.findByIds(labelIds);
    if (found.length !== labelIds.length) {
      const known = new Set(found.map((l) => l.id));
      throw new LabelsException(LabelsExceptionCode.LABEL_UNKNOWN_IDS, `Unknown labels: ${labelIds.filter((id) => !known.has(id)).join(', ')}.`);
    }
    await this.labels.setForConversation(conversationId, labelIds);
    const contact = await this.conversations.contactOf(conversation);
    const labels = found.sort((a, b) => a.name.localeCompare(b.name)).map(toLabelDto);
    const dto: ConversationDto = { ...toConversationDto(conversation, contact), labels };
    this.events.conversationUpdated(conversation, contact, { labels });
    return dto;
  }

  private async visible(caller: AuthUser, conversationId: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findVisible(caller, conversationId);
    if (!conversation) throw AssignmentException.conversationNotFound();
    return conversation;
  }

  private async get(id: string): Promise<LabelEntity> {
    const label = await this.labels.findById(id);
    if (!label) throw new LabelsException(LabelsExceptionCode.LABEL_NOT_FOUND, 'This label does not exist.');
    return label;
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.labels.findByName(name)) throw new LabelsException(LabelsExceptionCode.LABEL_NAME_TAKEN, `A label named “${name}” already exists.`);
  }
}
