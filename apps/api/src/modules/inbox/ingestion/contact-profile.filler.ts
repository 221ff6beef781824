import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterMemory, RateLimiterQueue } from 'rate-limiter-flexible';
import { DataSource, In } from 'typeorm';
import { mapLimit } from '../../../common/async/map-limit';
import { updateRows } from '../../../database/fast-insert';
import type { CustomerProfile } from '../../channels/channel-platform';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { InboxGateway } from '../inbox.gateway';
import { SearchIndexer } from '../search/search-indexer';
import { displayFields } from './conversation-writer';

/** Profile lookups in flight at once (each waits on the Graph API). */
const CONCURRENCY = 8;
/**
 * Lookups started per second at most: background work paced so that a burst of new customers (a giveaway, a viral
 * reel) fills their names over a few seconds instead of taking the process's CPU from the webhooks it must apply now.
 */
const LOOKUPS_PER_SECOND = 40;
/** Contacts of one channel handled together (about a second of lookups): one read of them, one of the channel's token, one write of their names. */
const ROUND = LOOKUPS_PER_SECOND;

interface Job {
  channel: ChannelRef;
  contactId: string;
}

/**
 * Fills in the name, username and picture of a customer ingestion met for the first time, after their first message
 * is stored: a webhook batch never waits on the Graph API, the contact shows a placeholder name for the moment of the
 * lookup and agents get the real one through `conversation.updated`. Best effort, outside every transaction. Contacts
 * queued meanwhile are handled in rounds per channel (a burst of new customers costs a few reads per round, not per
 * contact; the lookups themselves run a few at a time, {@link LOOKUPS_PER_SECOND} at most); a contact that has a name
 * by then is left alone.
 */
@Injectable()
export class ContactProfileFiller implements OnModuleDestroy {
  private readonly logger = new Logger(ContactProfileFiller.name);
  private readonly waiting: Job[] = [];
  private readonly queued = new Set<string>();
  private draining = false;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  // one lookup per slot of 1/LOOKUPS_PER_SECOND s: evenly spread, not a burst at the start of each second
  private readonly pace = new RateLimiterQueue(new RateLimiterMemory({ points: 1, duration: 1 / LOOKUPS_PER_SECOND }));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly gateway: InboxGateway,
    private readonly search: SearchIndexer,
  ) {}

  enqueue(channel: ChannelRef, contactId: string): void {
    if (this.stopped || this.queued.has(contactId)) return;
    this.queued.add(contactId);
    this.waiting.push({ channel, contactId });
    if (this.draining) return;
    this.draining = true;
    this.running = this.drain();
  }

  /** Shutting down: lookups not started are dropped (those contacts keep their placeholder names), running ones finish. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    await this.idle();
  }

  /** Resolves when no lookup is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      // the rest of the batch that queued this contact queues its other new customers first
      await new Promise((resolve) => setImmediate(resolve));
      await this.rounds();
    } finally {
      this.draining = false;
    }
  }

  private async rounds(): Promise<void> {
    while (this.waiting.length) {
      const channelId = this.waiting[0].channel.id;
      const round: Job[] = [];
      for (let i = 0; i < this.waiting.length && round.length < ROUND; ) {
        if (this.waiting[i].channel.id === channelId) round.push(...this.waiting.splice(i, 1));
        else i += 1;
      }
      try {
        await this.fill(
          round[0].channel,
          round.map((job) => job.contactId),
        );
      } catch (error) {
        this.logger.warn({ channelId, contacts: round.length, err: error instanceof Error ? error.message : String(error) }, 'profile lookups failed');
      } finally {
        for (const job of round) this.queued.delete(job.contactId);
      }
    }
  }

  private async fill(channel: ChannelRef, contactIds: string[]): Promise<void> {
    const contacts = this.dataSource.getRepository(ContactEntity);
    const unnamed = (await contacts.findBy({ id: In(contactIds) })).filter((c) => !c.name && !c.username);
    if (!unnamed.length) return;
    const lookup = this.channels.customerProfiles(channel);
    const found = new Map<string, CustomerProfile>();
    await mapLimit(unnamed, CONCURRENCY, async (contact) => {
      if (this.stopped) return;
      await this.pace.removeTokens(1);
      if (this.stopped) return;
      const profile = await lookup(contact.externalId);
      if (profile.name?.trim() || profile.username?.trim()) found.set(contact.id, profile);
    });
    if (!found.size) return;
    // read again: an agent or a later delivery may have named the contact meanwhile
    const named: ContactEntity[] = [];
    const updatedAt = new Date();
    let columns: (keyof ContactEntity & string)[] = [];
    for (const contact of await contacts.findBy({ id: In([...found.keys()]) })) {
      if (contact.name || contact.username) continue;
      const fields = { ...displayFields({ platform: contact.platform }, contact.externalId, found.get(contact.id) ?? null), updatedAt };
      columns = Object.keys(fields) as (keyof typeof fields)[];
      named.push(Object.assign(contact, fields));
    }
    if (!named.length) return;
    // the round's names and their search documents: one UPDATE and one upsert, not a save() per contact
    await this.dataSource.transaction(async (m) => {
      await updateRows(m, ContactEntity, named, columns);
      await this.search.indexContacts(m, named);
    });
    const byId = new Map(named.map((c) => [c.id, c]));
    for (const conversation of await this.dataSource.getRepository(ConversationEntity).findBy({ contactId: In([...byId.keys()]) }))
      this.gateway.conversationUpdated(conversation, byId.get(conversation.contactId) as ContactEntity);
  }
}
