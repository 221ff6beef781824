import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { searchDocument } from '../../../common/search/search-text';
import { dialectOf } from '../../../database/column-types';
import { ContactEntity } from '../entities/contact.entity';
import { MessageEntity } from '../entities/message.entity';
import { ContactSearchEntity, MessageSearchEntity } from '../entities/search-document.entity';
import { conversationTermsSql } from './conversation-terms.sql';

type SearchableMessage = Pick<MessageEntity, 'id' | 'conversationId' | 'sentAt' | 'text'>;
type SearchableContact = Pick<ContactEntity, 'id' | 'displayName' | 'name' | 'username'>;

const SEARCHABLE_MESSAGE = new Set(['text', 'sentAt', 'conversationId']);
const SEARCHABLE_CONTACT = new Set(['displayName', 'name', 'username']);

/**
 * Keeps `message_search` / `contact_search` in step with the rows (and adds a message's terms to its
 * conversation's `conversation_terms`), in the writer's transaction: every
 * insert and every `save()` of a message or contact goes through here (a TypeORM subscriber), so edits,
 * unsends and profile updates re-index; deletes cascade. An update by criteria cannot name its rows, so
 * one that touches searchable fields is refused — write those through `save()` or call `indexContact`.
 */
@Injectable()
export class SearchIndexer implements EntitySubscriberInterface {
  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<unknown>): Promise<void> {
    if (event.metadata.target === MessageEntity) await this.indexMessage(event.manager, event.entity as SearchableMessage);
    else if (event.metadata.target === ContactEntity) await this.indexContact(event.manager, event.entity as SearchableContact);
  }

  async afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    const target = event.metadata.target;
    if (target !== MessageEntity && target !== ContactEntity) return;
    const fields = target === MessageEntity ? SEARCHABLE_MESSAGE : SEARCHABLE_CONTACT;
    const entity = event.entity as Record<string, unknown> | undefined;
    if (!event.databaseEntity) {
      // an UPDATE … WHERE by criteria: the rows it changed are unknown here
      if (entity && Object.keys(entity).some((k) => fields.has(k)))
        throw new Error(`${event.metadata.name}: searchable fields must change through save() so the search index follows`);
      return;
    }
    if (!event.updatedColumns.some((c) => fields.has(c.propertyName))) return;
    if (target === MessageEntity) await this.indexMessage(event.manager, entity as unknown as SearchableMessage);
    else await this.indexContact(event.manager, entity as unknown as SearchableContact);
  }

  async indexMessage(manager: EntityManager, message: SearchableMessage | undefined): Promise<void> {
    if (!message?.id) return;
    const body = searchDocument(message.text);
    if (!body) {
      await manager.delete(MessageSearchEntity, { messageId: message.id });
      return;
    }
    await manager.upsert(MessageSearchEntity, { messageId: message.id, conversationId: message.conversationId, sentAt: message.sentAt, body }, ['messageId']);
    const [sql, params] = conversationTermsSql.append(dialectOf(manager.connection.options.type), message.conversationId, body);
    await manager.query(sql, params);
  }

  async indexContact(manager: EntityManager, contact: SearchableContact | undefined): Promise<void> {
    if (!contact?.id) return;
    const body = searchDocument(contact.displayName, contact.name, contact.username);
    await manager.upsert(ContactSearchEntity, { contactId: contact.id, body }, ['contactId']);
  }
}
