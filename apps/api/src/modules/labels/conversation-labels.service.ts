import { Injectable } from '@nestjs/common';
import { LabelDto } from '@ticklegram/domain-models';
import { toLabelDto } from './label.mapper';
import { LabelRepository } from './label.repository';
import { LabelsException, LabelsExceptionCode } from './labels.exception';

/**
 * Labels on conversations, for the inbox (which checks the caller may see the conversation first):
 * read per page, replace, and the list filter. The only way other modules touch `conversation_labels`.
 */
@Injectable()
export class ConversationLabelsService {
  constructor(private readonly labels: LabelRepository) {}

  /** Labels per conversation, name order. */
  async forConversations(conversationIds: string[]): Promise<Map<string, LabelDto[]>> {
    const found = await this.labels.forConversations(conversationIds);
    return new Map([...found].map(([id, labels]) => [id, labels.map(toLabelDto)]));
  }

  /** Replaces the conversation's labels with exactly `labelIds`; unknown ids are a 400 naming them. */
  async replace(conversationId: string, labelIds: string[]): Promise<LabelDto[]> {
    const found = await this.labels.findByIds(labelIds);
    if (found.length !== labelIds.length) {
      const known = new Set(found.map((l) => l.id));
      throw new LabelsException(LabelsExceptionCode.LABEL_UNKNOWN_IDS, `Unknown labels: ${labelIds.filter((id) => !known.has(id)).join(', ')}.`);
    }
    await this.labels.setForConversation(conversationId, labelIds);
    return found.sort((a, b) => a.name.localeCompare(b.name)).map(toLabelDto);
  }

  /**
   * A condition "the conversation aliased `alias` has label :labelId" for the inbox's list query, so the
   * SQL that reads `conversation_labels` stays in this module.
   */
  hasLabelCondition(alias: string, labelId: string): { sql: string; params: Record<string, string> } {
    return { sql: `EXISTS (SELECT 1 FROM conversation_labels cl WHERE cl.conversation_id = ${alias}.id AND cl.label_id = :labelId)`, params: { labelId } };
  }
}
