import { EntityManager, In } from 'typeorm';
import { DeferredFlush, DeferredWrites, rankedFlush } from '../../../database/deferred-writes';
import { insertRows, updateRows } from '../../../database/fast-insert';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import { PendingMessageEventEntity } from '../entities/pending-message-event.entity';
import { lockFor } from './row-lock';

/** The columns ingestion writes on a conversation (everything else belongs to agents and assignment). */
export const INGESTION_FIELDS = [
  'status',
  'unreadCount',
  'lastMessageAt',
  'lastMessagePreview',
  'lastMessageDirection',
  'lastCustomerMessageAt',
  'customerReadAt',
  'customerDeliveredAt',
  'referral',
  'threadOwner',
  'threadOwnerAppId',
  'threadOwnerAt',
  'updatedAt',
] as const satisfies readonly (keyof ConversationEntity)[];

/**
 * The new state of the batch's conversations in one statement: an UPDATE by id of rows that exist (the batch holds
 * their locks) of {@link INGESTION_FIELDS} only, firing the update triggers (folder counters). The last state queued
 * for a conversation wins.
 */
export const writeConversations: DeferredFlush<ConversationEntity> = async (m, rows) => {
  const latest = [...new Map(rows.map((r) => [r.id, r])).values()];
  await updateRows(m, ConversationEntity, latest, INGESTION_FIELDS);
  BatchConversations.of(m)?.wrote(latest);
};

/** The batch's new customers' contacts in one multi-row INSERT, before anything that refers to them. */
export const insertContacts = rankedFlush<ContactEntity>(-2, async (m, rows) => {
  await insertRows(m, ContactEntity, rows);
  BatchConversations.of(m)?.createdContacts(rows);
});

/**
 * The batch's new conversations in one multi-row INSERT, after their contacts and before their messages and their
 * new state ({@link writeConversations}); the insert triggers keep the folder counters, the subscribers (round-robin)
 * hear of every row as they would of a single insert.
 */
export const insertConversations = rankedFlush<ConversationEntity>(-1, async (m, rows) => {
  await insertRows(m, ConversationEntity, rows);
  const metadata = m.connection.getMetadata(ConversationEntity);
  for (const row of rows) await m.queryRunner?.broadcaster.broadcast('AfterInsert', metadata, row);
  BatchConversations.of(m)?.createdConversations(rows);
});

/** Mids of messages stored in conversations the batch created, checked once more after they are written. */
interface NewMessageRef {
  channelId: string;
  mid: string;
}

/**
 * Runs after the batch's rows are written: an event parked for one of them by a concurrent transaction after the
 * batch's read (nobody held its conversation's lock: it did not exist) fails the batch, which is then applied again
 * one delivery at a time (where each message looks for parked events after its insert).
 */
const checkNoneParked: DeferredFlush<NewMessageRef> = async (m, refs) => {
  const byChannel = new Map<string, string[]>();
  for (const { channelId, mid } of refs) byChannel.set(channelId, [...(byChannel.get(channelId) ?? []), mid]);
  for (const [channelId, mids] of byChannel) {
    const parked = await m.find(PendingMessageEventEntity, { select: { id: true }, where: { channelId, mid: In(mids) }, ...lockFor(m) });
    if (parked.length) throw new Error('an event was parked for a message of a new conversation while its batch was applied');
  }
};

const keyOf = (channelId: string, id: string) => `${channelId}\u0000${id}`;

/**
 * Whether a statement may change the rows {@link BatchConversations} read: anything but a read, a savepoint, or the
 * insert of a row that is new (a contact, a conversation, a message — a new conversation is not in the read, a new
 * message makes its own event's insert fail on the unique mid: both are safe). Parking an event is not safe (a message
 * later in the batch must replay it), nor is any UPDATE, DELETE, upsert or rollback.
 */
function mayChangeWhatWasRead(sql: string): boolean {
  if (/^\s*(SELECT|SAVEPOINT)\b/i.test(sql)) return false;
  const insert = /^\s*INSERT\s+INTO\s+[`"]?(\w+)[`"]?/i.exec(sql);
  return !insert || !NEW_ROWS.has(insert[1]) || /\bON\s+(DUPLICATE|CONFLICT)\b/i.test(sql);
}

const NEW_ROWS = new Set(['contacts', 'conversations', 'messages']);

/**
 * The conversations of a webhook batch's customers, locked in one statement per channel when its transaction opens,
 * which of its messages are stored already (redeliveries) and which have events parked — so a known customer's message needs no statement of its own: its
 * conversation comes from here (with the batch's queued changes on top), its new state and the message are queued
 * with the batch's deferred writes ({@link DeferredWrites}).
 *
 * The read is trusted until the transaction runs a statement that may change what it read ({@link mayChangeWhatWasRead}):
 * an update by an event that is not a plain message, an event parked, a savepoint rolled back. The next use then reads
 * it all again first (one statement per channel for each of the three reads).
 *
 * Parked events: whoever parks an event for a message locks its conversation first ({@link MessageRefUpdater}), so a
 * conversation locked here gets none parked until the batch commits; a conversation created by the batch was not
 * locked by the read, and its messages look for parked events themselves, after their insert.
 */
export class BatchConversations {
  private rows = new Map<string, ConversationEntity>();
  /** Conversations and contacts the batch inserted (written already; queued ones are read from the queue). */
  private readonly created = new Set<string>();
  private contacts = new Map<string, ContactEntity>();
  private parked = new Set<string>();
  private stored = new Set<string>();
  private stale = true;

  private constructor(
    private readonly deferred: DeferredWrites,
    private readonly customers: Map<string, Set<string>>,
    private readonly mids: Map<string, Set<string>>,
  ) {}

  /** Locks the conversations of `customers` and reads what is parked for `mids` (no-op outside a batch with deferred writes). */
  static async open(
    m: EntityManager,
    customers: readonly { channelId: string; customer: string }[],
    mids: readonly { channelId: string; mid: string }[],
  ): Promise<void> {
    const deferred = DeferredWrites.of(m);
    if (!deferred || !customers.length) return;
    const group = (pairs: { channelId: string; id: string }[]) => {
      const byChannel = new Map<string, Set<string>>();
      for (const { channelId, id } of pairs) byChannel.set(channelId, (byChannel.get(channelId) ?? new Set()).add(id));
      return byChannel;
    };
    const batch = new BatchConversations(
      deferred,
      group(customers.map((c) => ({ channelId: c.channelId, id: c.customer }))),
      group(mids.map((x) => ({ channelId: x.channelId, id: x.mid }))),
    );
    deferred.setLocal(BatchConversations, batch);
    deferred.onStatement((sql) => {
      if (mayChangeWhatWasRead(sql)) batch.stale = true;
    });
    await batch.read(m);
  }

  static of(m: EntityManager): BatchConversations | undefined {
    return DeferredWrites.of(m)?.local<BatchConversations>(BatchConversations);
  }

  /**
   * The customer's conversation as the batch sees it (a copy, its queued changes included), or undefined when this
   * batch did not lock it (not one of its customers, or no conversation yet): the caller reads it itself.
   */
  async conversation(m: EntityManager, channelId: string, customer: string): Promise<ConversationEntity | undefined> {
    const key = keyOf(channelId, customer);
    const inserting = () => this.deferred.queuedFor(insertConversations).find((c) => c.channelId === channelId && c.customerExternalId === customer);
    if (!this.customers.get(channelId)?.has(customer) && !this.rows.has(key) && !inserting()) return undefined;
    // reading again writes what is queued first: a conversation queued for insert is then among the rows
    await this.fresh(m);
    const row = inserting() ?? this.rows.get(key);
    if (!row) return undefined;
    const queued = this.deferred.queuedFor(writeConversations).filter((c) => c.id === row.id);
    return Object.assign(new ConversationEntity(), queued.length ? queued[queued.length - 1] : row);
  }

  /** A contact the batch created (queued or written), or undefined. */
  contact(contactId: string): ContactEntity | undefined {
    return this.deferred.queuedFor(insertContacts).find((c) => c.id === contactId) ?? this.contacts.get(contactId);
  }

  /** Rows the batch's deferred writes stored: what the database holds for them now. */
  wrote(conversations: readonly ConversationEntity[]): void {
    for (const c of conversations) {
      const key = keyOf(c.channelId, c.customerExternalId);
      if (this.rows.has(key)) this.rows.set(key, Object.assign(new ConversationEntity(), c));
    }
  }

  /** Conversations {@link insertConversations} wrote: this transaction holds their locks. */
  createdConversations(conversations: readonly ConversationEntity[]): void {
    for (const c of conversations) {
      this.created.add(c.id);
      this.rows.set(keyOf(c.channelId, c.customerExternalId), Object.assign(new ConversationEntity(), c));
    }
  }

  createdContacts(contacts: readonly ContactEntity[]): void {
    for (const c of contacts) this.contacts.set(c.id, c);
  }

  /**
   * True when no event waits for `mid` in a conversation this batch locked or created (so the message's insert need
   * not look). For a conversation it created, nobody could lock it before: the batch looks once more after its writes.
   */
  async noneParked(m: EntityManager, channelId: string, mid: string, conversationId: string): Promise<boolean> {
    if (!this.mids.get(channelId)?.has(mid)) return false;
    await this.fresh(m);
    if (this.parked.has(keyOf(channelId, mid))) return false;
    const created = this.created.has(conversationId) || this.deferred.queuedFor(insertConversations).some((c) => c.id === conversationId);
    if (created) {
      this.deferred.queue(checkNoneParked, { channelId, mid });
      return true;
    }
    return [...this.rows.values()].some((c) => c.id === conversationId);
  }

  /**
   * False when the batch's read found no message `mid` stored: a new message, whose insert needs no read first (a
   * concurrent writer storing it meanwhile makes the batch's insert fail, and the batch falls back to one transaction
   * per delivery). True when it is stored, or the batch cannot tell.
   */
  async mayBeStored(m: EntityManager, channelId: string, mid: string): Promise<boolean> {
    if (!this.mids.get(channelId)?.has(mid)) return true;
    await this.fresh(m);
    return this.stored.has(keyOf(channelId, mid));
  }

  private async fresh(m: EntityManager): Promise<void> {
    if (this.stale) await this.read(m);
  }

  private async read(m: EntityManager): Promise<void> {
    this.rows.clear();
    // after a rollback the batch's own rows may be gone: the conversations of its customers are read again below
    this.contacts.clear();
    this.parked.clear();
    this.stored.clear();
    for (const [channelId, customers] of this.customers) {
      // one range of the unique (channel, customer) index: its rows are locked in index order, the same in every batch
      const found = await m.find(ConversationEntity, { where: { channelId, customerExternalId: In([...customers]) }, ...lockFor(m) });
      for (const c of found) this.rows.set(keyOf(channelId, c.customerExternalId), c);
    }
    for (const [channelId, mids] of this.mids) {
      const parked = await m.find(PendingMessageEventEntity, { select: { id: true, mid: true }, where: { channelId, mid: In([...mids]) } });
      for (const p of parked) this.parked.add(keyOf(channelId, p.mid));
      const stored = await m.find(MessageEntity, { select: { id: true, mid: true }, where: { channelId, mid: In([...mids]) } });
      for (const s of stored) if (s.mid) this.stored.add(keyOf(channelId, s.mid));
    }
    this.stale = false;
  }
}
