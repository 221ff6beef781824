import { Injectable } from '@nestjs/common';
import { MessageEvent, PostbackEvent, ReferralEvent } from '@ticklegram/domain-models';
import { EntityManager } from 'typeorm';
import { insertRow, runInsertHooks } from '../../../database/fast-insert';
import type { CustomerProfile } from '../../channels/channel-platform';
import type { ChannelRef } from '../../channels/channel-ref';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { placeholderName } from '../inbox.mapper';
import { DeferredWrites } from '../../../database/deferred-writes';
import { SearchIndexer } from '../search/search-indexer';
import { BatchConversations, INGESTION_FIELDS, insertContacts, insertConversations, writeConversations } from './batch-conversations';
import { lockFor } from './row-lock';

/** Events that start (or continue) a conversation with a customer. */
export type ConversationStartEvent = MessageEvent | PostbackEvent | ReferralEvent;
/** What opening a conversation needs of the event (a private reply to a comment has no webhook event). */
export type ConversationOpening = Pick<ConversationStartEvent, 'platform' | 'customerExternalId'>;

/** Conversations and contacts as ingestion writes them, inside the applier's transaction. */
@Injectable()
export class ConversationWriter {
  constructor(private readonly search: SearchIndexer) {}

  /**
   * Takes the conversation's row lock (or the gap lock where it will be inserted) first, on MySQL — or finds it among
   * the conversations the webhook batch locked when its transaction opened ({@link BatchConversations}).
   */
  async lock(m: EntityManager, channelId: string, customer: string): Promise<ConversationEntity | null> {
    const locked = await BatchConversations.of(m)?.conversation(m, channelId, customer);
    if (locked) return locked;
    return m.findOne(ConversationEntity, { where: { channelId, customerExternalId: customer }, ...lockFor(m) });
  }

  /**
   * The conversation of this customer on this channel, created with its contact when new (`created`).
   * `locked`: already read with {@link lock}. `known`: the customer's contact as read before the transaction
   * (used as is when it is the conversation's and no profile is to be filled in). `fresh`: the caller knows of no
   * contact for this customer, so the contact is inserted without reading for it first (a duplicate key means a
   * concurrent writer stored one: the caller's next attempt reads it). In a webhook batch with deferred writes, a
   * fresh customer's contact and conversation are queued with the batch's rows ({@link insertContacts},
   * {@link insertConversations}); a duplicate key there (another batch stored the customer meanwhile) fails the batch,
   * which is then planned and applied once more.
   */
  async upsert(
    m: EntityManager,
    channel: ChannelRef,
    event: ConversationOpening,
    profile: CustomerProfile | null,
    locked?: ConversationEntity | null,
    known?: ContactEntity,
    fresh = false,
  ): Promise<{ conversation: ConversationEntity; contact: ContactEntity; created: boolean; contactCreated: boolean }> {
    const customer = event.customerExternalId as string;
    let conversation = locked === undefined ? await this.lock(m, channel.id, customer) : locked;
    const usable =
      known && !profile && known.channelId === channel.id && known.externalId === customer && (!conversation || conversation.contactId === known.id);
    const deferred = fresh && !conversation ? DeferredWrites.of(m) : undefined;
    let contactCreated = false;
    const inserted = async () => {
      contactCreated = true;
      return this.insertContact(m, channel, event, customer, profile, deferred);
    };
    const batchContact = !usable && conversation ? BatchConversations.of(m)?.contact(conversation.contactId) : undefined;
    const contact = usable
      ? known
      : (batchContact ??
        (fresh && !conversation
          ? await inserted()
          : ((await this.findContact(m, channel, event, customer, profile, conversation?.contactId ?? null)) ?? (await inserted()))));
    const created = !conversation;
    if (!conversation) {
      conversation = m.create(ConversationEntity, {
        channelId: channel.id,
        platform: event.platform,
        contactId: contact.id,
        customerExternalId: customer,
        status: 'open',
        assigneeId: null,
        unreadCount: 0,
        lastMessageAt: null,
        lastMessagePreview: null,
        lastMessageDirection: null,
        lastCustomerMessageAt: null,
        customerReadAt: null,
        customerDeliveredAt: null,
        referral: null,
        threadOwner: 'this_app',
        threadOwnerAppId: null,
        threadOwnerAt: null,
      });
      if (deferred) {
        runInsertHooks(m, ConversationEntity, conversation);
        deferred.queueRow(insertConversations, conversation);
      } else {
        await insertRow(m, ConversationEntity, conversation);
      }
    }
    return { conversation, contact, created, contactCreated };
  }

  /**
   * Writes the fields ingestion changes (one UPDATE, no read-before-write) — or queues them with the batch's deferred
   * writes, all its conversations in one statement before its next one ({@link writeConversations}).
   */
  async save(m: EntityManager, c: ConversationEntity): Promise<void> {
    c.updatedAt = new Date();
    const deferred = DeferredWrites.of(m);
    if (deferred) {
      deferred.queueRow(writeConversations, Object.assign(new ConversationEntity(), c));
      return;
    }
    await m.update(ConversationEntity, { id: c.id }, pick(c, INGESTION_FIELDS));
  }

  /** The stored contact (its placeholder name filled in when `profile` has one), or null when there is none. */
  private async findContact(
    m: EntityManager,
    channel: ChannelRef,
    event: ConversationOpening,
    customer: string,
    profile: CustomerProfile | null,
    knownId: string | null,
  ): Promise<ContactEntity | null> {
    const existing = await m.findOne(ContactEntity, { where: knownId ? { id: knownId } : { channelId: channel.id, externalId: customer } });
    if (existing) {
      // a profile fetched later fills a contact that had only a placeholder name
      if (profile && (profile.name || profile.username) && !existing.name && !existing.username) {
        Object.assign(existing, displayFields(event, customer, profile));
        // save(), not update(): the search index follows the new name (SearchIndexer)
        await m.save(existing);
      }
      return existing;
    }
    return null;
  }

  private async insertContact(
    m: EntityManager,
    channel: ChannelRef,
    event: ConversationOpening,
    customer: string,
    profile: CustomerProfile | null,
    deferred?: DeferredWrites,
  ): Promise<ContactEntity> {
    const contact = m.create(ContactEntity, {
      channelId: channel.id,
      platform: event.platform,
      externalId: customer,
      ...displayFields(event, customer, profile),
    });
    if (!deferred) {
      await insertRow(m, ContactEntity, contact);
      return contact;
    }
    // queued without the subscribers: its search document is queued here
    runInsertHooks(m, ContactEntity, contact);
    deferred.queueRow(insertContacts, contact);
    await this.search.indexContact(m, contact);
    return contact;
  }
}

/** A contact's name fields from the customer's profile (a placeholder name without one). */
export function displayFields(event: Pick<ConversationOpening, 'platform'>, customer: string, profile: CustomerProfile | null) {
  const name = profile?.name?.trim() || null;
  const username = profile?.username?.trim() || null;
  return {
    name,
    username,
    profilePicUrl: profile?.profilePicUrl ?? null,
    displayName: (name ?? (username ? `@${username}` : placeholderName(event.platform, customer))).slice(0, 160),
    profileFetchedAt: profile ? new Date() : null,
  };
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}
