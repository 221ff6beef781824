import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ConversationLabelEntity } from './entities/conversation-label.entity';
import { LabelEntity } from './entities/label.entity';

/** Labels and their links to conversations; callers check the conversation's scope first. */
@Injectable()
export class LabelRepository {
  constructor(
    @InjectRepository(LabelEntity) private readonly labels: Repository<LabelEntity>,
    @InjectRepository(ConversationLabelEntity) private readonly links: Repository<ConversationLabelEntity>,
  ) {}

  list(): Promise<LabelEntity[]> {
    return this.labels.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<LabelEntity | null> {
    return this.labels.findOneBy({ id });
  }

  findByName(name: string): Promise<LabelEntity | null> {
    return this.labels.findOneBy({ name });
  }

  findByIds(ids: string[]): Promise<LabelEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.labels.findBy({ id: In(ids) });
  }

  save(label: Partial<LabelEntity>): Promise<LabelEntity> {
    return this.labels.save(this.labels.create(label));
  }

  /** Deletes the label and unlinks it from every conversation. */
  async remove(id: string): Promise<void> {
    await this.labels.manager.transaction(async (manager) => {
      await manager.delete(ConversationLabelEntity, { labelId: id });
      await manager.delete(LabelEntity, { id });
    });
  }

  /** Replaces the conversation's labels with exactly `labelIds`. */
  async setForConversation(conversationId: string, labelIds: string[]): Promise<void> {
    await this.links.manager.transaction(async (manager) => {
      await manager.delete(ConversationLabelEntity, { conversationId });
      if (labelIds.length > 0)
        await manager.insert(
          ConversationLabelEntity,
          labelIds.map((labelId) => ({ conversationId, labelId })),
        );
    });
  }

  /** Labels per conversation, name order, for a page of conversations. */
  async forConversations(conversationIds: string[]): Promise<Map<string, LabelEntity[]>> {
    const result = new Map<string, LabelEntity[]>(conversationIds.map((id) => [id, []]));
    if (conversationIds.length === 0) return result;
    const links = await this.links.findBy({ conversationId: In(conversationIds) });
    const labels = new Map((await this.findByIds([...new Set(links.map((l) => l.labelId))])).map((l) => [l.id, l]));
    for (const link of links) {
      const label = labels.get(link.labelId);
      if (label) result.get(link.conversationId)?.push(label);
    }
    for (const list of result.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return result;
  }
}
