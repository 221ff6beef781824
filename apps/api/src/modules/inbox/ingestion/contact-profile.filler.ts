import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { InboxGateway } from '../inbox.gateway';
import { displayFields } from './conversation-writer';

/** Profile lookups in flight at once (each waits on the Graph API). */
const CONCURRENCY = 8;

/**
 * Fills in the name, username and picture of a customer ingestion met for the first time, after their first message
 * is stored: a webhook batch never waits on the Graph API, the contact shows a placeholder name for the moment of the
 * lookup and agents get the real one through `conversation.updated`. Best effort, outside every transaction, one
 * lookup per contact at a time; a contact that has a name by then is left alone.
 */
@Injectable()
export class ContactProfileFiller {
  private readonly logger = new Logger(ContactProfileFiller.name);
  private readonly waiting: { channel: ChannelRef; contactId: string }[] = [];
  private readonly inFlight = new Set<string>();
  private running = 0;
  private drained: (() => void)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly gateway: InboxGateway,
  ) {}

  enqueue(channel: ChannelRef, contactId: string): void {
    if (this.inFlight.has(contactId)) return;
    this.inFlight.add(contactId);
    this.waiting.push({ channel, contactId });
    this.pump();
  }

  /** Resolves when no lookup is queued or running (tests, shutdown). */
  idle(): Promise<void> {
    if (!this.inFlight.size) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private pump(): void {
    while (this.running < CONCURRENCY && this.waiting.length) {
      const job = this.waiting.shift() as { channel: ChannelRef; contactId: string };
      this.running += 1;
      this.fill(job.channel, job.contactId)
        .catch((error) => this.logger.warn({ contactId: job.contactId, err: error instanceof Error ? error.message : String(error) }, 'profile lookup failed'))
        .finally(() => {
          this.running -= 1;
          this.inFlight.delete(job.contactId);
          if (!this.inFlight.size) for (const resolve of this.drained.splice(0)) resolve();
          this.pump();
        });
    }
  }

  private async fill(channel: ChannelRef, contactId: string): Promise<void> {
    const contacts = this.dataSource.getRepository(ContactEntity);
    const before = await contacts.findOneBy({ id: contactId });
    if (!before || before.name || before.username) return;
    const profile = await this.channels.lookupCustomerProfile(channel, before.externalId);
    if (!profile.name?.trim() && !profile.username?.trim()) return;
    // read again: an agent or a later delivery may have named the contact meanwhile
    const contact = await contacts.findOneBy({ id: contactId });
    if (!contact || contact.name || contact.username) return;
    Object.assign(contact, displayFields({ platform: contact.platform }, contact.externalId, profile));
    // save(), not update(): the search index follows the new name (SearchIndexer)
    await contacts.save(contact);
    for (const conversation of await this.dataSource.getRepository(ConversationEntity).findBy({ contactId }))
      this.gateway.conversationUpdated(conversation, contact);
  }
}
