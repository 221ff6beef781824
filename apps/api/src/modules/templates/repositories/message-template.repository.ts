import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TemplateStatus } from '@ticklegram/domain-models';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThan, Not, Or, Repository } from 'typeorm';
import { MessageTemplateEntity } from '../entities/message-template.entity';

export interface TemplateFilter {
  channelIds?: string[];
  statuses?: TemplateStatus[];
  language?: string;
}

/** The only code that queries `message_templates`. */
@Injectable()
export class MessageTemplateRepository {
  constructor(@InjectRepository(MessageTemplateEntity) private readonly templates: Repository<MessageTemplateEntity>) {}

  list(filter: TemplateFilter = {}): Promise<MessageTemplateEntity[]> {
    const where: FindOptionsWhere<MessageTemplateEntity> = {};
    if (filter.channelIds) where.channelId = In(filter.channelIds);
    if (filter.statuses) where.status = In(filter.statuses);
    if (filter.language) where.language = filter.language;
    return this.templates.find({ where, order: { name: 'ASC', language: 'ASC' } });
  }

  findById(id: string): Promise<MessageTemplateEntity | null> {
    return this.templates.findOneBy({ id });
  }

  findByExternalId(channelId: string, externalId: string): Promise<MessageTemplateEntity | null> {
    return this.templates.findOneBy({ channelId, externalId });
  }

  findByNameAndLanguage(channelId: string, name: string, language: string): Promise<MessageTemplateEntity | null> {
    return this.templates.findOneBy({ channelId, name, language });
  }

  /** Submitted templates still waiting for Meta's review (the status poll asks Meta about these). */
  listPending(): Promise<MessageTemplateEntity[]> {
    return this.templates.findBy({ status: TemplateStatus.PENDING, externalId: Not(IsNull()) });
  }

  create(values: Partial<MessageTemplateEntity>): MessageTemplateEntity {
    return this.templates.create(values);
  }

  save(template: MessageTemplateEntity): Promise<MessageTemplateEntity> {
    return this.templates.save(template);
  }

  /** False when the row was gone already (another sync or replica removed it first). */
  async remove(id: string): Promise<boolean> {
    const result = await this.templates.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Stores the status fields of `template` only if its row still has the status it was read with (`read`): of two
   * writers that read the same row — the timed poll, a manual sync, a sync on another replica — one records the change,
   * so it is audited and announced once. False when the row had moved on meanwhile.
   */
  async saveStatusIfUnchanged(
    template: MessageTemplateEntity,
    read: Pick<MessageTemplateEntity, 'status' | 'statusReasonCode'>,
    m: EntityManager = this.templates.manager,
  ): Promise<boolean> {
    const result = await m.update(
      MessageTemplateEntity,
      { id: template.id, status: read.status, statusReasonCode: read.statusReasonCode ?? IsNull() },
      { status: template.status, statusReasonCode: template.statusReasonCode, statusUpdatedAt: template.statusUpdatedAt, metaStatusAt: template.metaStatusAt },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Links `template` to Meta's template it now has (`externalId`, content, status) only if its row still has the Meta id
   * it was read with (`readExternalId`, null for a draft): of two syncs that read the same row, one links it. False when
   * the row had moved on meanwhile.
   */
  async relinkIfUnchanged(template: MessageTemplateEntity, readExternalId: string | null): Promise<boolean> {
    const result = await this.templates.update(
      { id: template.id, externalId: readExternalId ?? IsNull() },
      {
        externalId: template.externalId,
        content: template.content,
        submittedAt: template.submittedAt,
        status: template.status,
        statusReasonCode: template.statusReasonCode,
        statusUpdatedAt: template.statusUpdatedAt,
        metaStatusAt: template.metaStatusAt,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Meta's id for a template we submitted, when its status webhook comes before the answer to the submit. */
  async linkIn(m: EntityManager, template: MessageTemplateEntity): Promise<void> {
    await m.update(MessageTemplateEntity, { id: template.id, externalId: IsNull() }, { externalId: template.externalId, submittedAt: template.submittedAt });
  }

  /**
   * When Meta last reported a status (a later webhook with an older time is stale), without touching the status. Only
   * forward: another writer may have stored a later time since the row was read.
   */
  async saveMetaStatusAtIn(m: EntityManager, template: MessageTemplateEntity): Promise<void> {
    const at = template.metaStatusAt;
    if (!at) return;
    await m.update(MessageTemplateEntity, { id: template.id, metaStatusAt: Or(IsNull(), LessThan(at)) }, { metaStatusAt: at });
  }

  /** Inside ingestion's transaction: the template a status webhook is about (by Meta id, else name + language). */
  async findForStatusEvent(
    m: EntityManager,
    channelId: string,
    externalId: string | null,
    name: string | null,
    language: string | null,
  ): Promise<MessageTemplateEntity | null> {
    if (externalId) {
      const byId = await m.findOneBy(MessageTemplateEntity, { channelId, externalId });
      if (byId) return byId;
    }
    if (name && language) return m.findOneBy(MessageTemplateEntity, { channelId, name, language });
    return null;
  }

  saveIn(m: EntityManager, template: MessageTemplateEntity): Promise<MessageTemplateEntity> {
    return m.save(template);
  }
}
