import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TemplateSendEntity } from '../entities/template-send.entity';

/** Which template and values each template message was sent with. */
@Injectable()
export class TemplateSendRepository {
  constructor(@InjectRepository(TemplateSendEntity) private readonly sends: Repository<TemplateSendEntity>) {}

  async record(messageId: string, templateId: string, parameters: Record<string, string>, urlSuffix: string | null): Promise<void> {
    await this.sends.insert({ messageId, templateId, parameters, urlSuffix, createdAt: new Date() });
  }

  findByMessageId(messageId: string): Promise<TemplateSendEntity | null> {
    return this.sends.findOneBy({ messageId });
  }

  /** Which of these messages were sent as a template. */
  async sentWithTemplate(messageIds: string[]): Promise<Set<string>> {
    if (!messageIds.length) return new Set();
    const rows = await this.sends.find({ where: { messageId: In(messageIds) }, select: { messageId: true } });
    return new Set(rows.map((r) => r.messageId));
  }
}
