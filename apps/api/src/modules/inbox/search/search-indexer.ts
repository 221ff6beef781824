import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, In, InsertEvent, UpdateEvent } from 'typeorm';
import { searchDocument } from '../../../common/search/search-text';
import { dialectOf } from '../../../database/column-types';
import { DeferredWrites } from '../../../database/deferred-writes';
import { upsertRows } from '../../../database/fast-insert';
import { ContactEntity } from '../entities/contact.entity';
import { MessageEntity } from '../entities/message.entity';
import { ContactSearchEntity, MessageSearchEntity } from '../entities/search-document.entity';
import { conversationTermsSql } from './conversation-terms.sql';

type SearchableMessage = Pick<MessageEntity, 'id' | 'conversationId' | 'sentAt' | 'text'>;
/** A message's search document; an empty body removes it. */
interface MessageDocument {
  messageId: string;
  conversationId: string;
  sentAt: Date;
  body: string;
}
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

  /** Indexes a message at once, or with the rest of the batch when its transaction defers writes ({@link DeferredWrites}). */
  async indexMessage(manager: EntityManager, message: SearchableMessage | undefined): Promise<void> {
    if (!message?.id) return;
    const doc: MessageDocument = { messageId: message.id, conversationId: message.conversationId, sentAt: message.sentAt, body: searchDocument(message.text) };
    const deferred = DeferredWrites.of(manager);
    if (deferred) deferred.queue(writeMessageDocuments, doc);
    else await writeMessageDocuments(manager, [doc]);
  }

  /** Indexes contacts whose names were written without `save()` (e.g. by `updateRows`): one multi-row upsert. */
  async indexContacts(manager: EntityManager, contacts: SearchableContact[]): Promise<void> {
    const docs = contacts.filter((c) => c.id).map(contactDocument);
    if (docs.length) await writeContactDocuments(manager, docs);
  }

  /** Indexes a contact at once, or with the rest of the batch when its transaction defers writes (new customers of a batch: one upsert). */
  async indexContact(manager: EntityManager, contact: SearchableContact | undefined): Promise<void> {
    if (!contact?.id) return;
    const doc = contactDocument(contact);
    const deferred = DeferredWrites.of(manager);
    if (deferred) deferred.queue(writeContactDocuments, doc);
    else await writeContactDocuments(manager, [doc]);
  }
}

interface ContactDocument {
  contactId: string;
  body: string;
}

function contactDocument(contact: SearchableContact): ContactDocument {
  return { contactId: contact.id, body: searchDocument(contact.displayName, contact.name, contact.username) };
}

/** Writes contact documents in one multi-row upsert (the last one of each contact wins). */
async function writeContactDocuments(manager: EntityManager, docs: ContactDocument[]): Promise<void> {
  const latest = [...new Map(docs.map((d) => [d.contactId, d])).values()];
  await upsertRows(manager, ContactSearchEntity, latest, ['contactId']);
}

/**
 * Writes message documents (the last one of each message wins): one DELETE for the emptied, one multi-row upsert
 * for the rest, and their terms added to each conversation's `conversation_terms` row.
 */
async function writeMessageDocuments(manager: EntityManager, docs: MessageDocument[]): Promise<void> {
  const latest = new Map(docs.map((d) => [d.messageId, d]));
  const emptied = [...latest.values()].filter((d) => !d.body).map((d) => d.messageId);
  const kept = [...latest.values()].filter((d) => d.body);
  if (emptied.length) await manager.delete(MessageSearchEntity, { messageId: In(emptied) });
  if (!kept.length) return;
  await upsertRows(manager, MessageSearchEntity, kept, ['messageId']);
  const dialect = dialectOf(manager.connection.options.type);
  if (kept.length === 1) {
    const [sql, params] = conversationTermsSql.append(dialect, kept[0].conversationId, kept[0].body);
    await manager.query(sql, params);
    return;
  }
  const byConversation = new Map<string, Set<string>>();
  for (const d of kept) {
    const terms = byConversation.get(d.conversationId) ?? new Set<string>();
    for (const term of d.body.split(' ')) terms.add(term);
    byConversation.set(d.conversationId, terms);
  }
  await conversationTermsSql.appendMany(manager, dialect, byConversation);
}
