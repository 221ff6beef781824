import { Injectable } from '@nestjs/common';
import type { ApplyContext } from '../webhooks/ingestion/event-applier';
import { ContactEntity } from './entities/contact.entity';
import { ConversationWriter } from './ingestion/conversation-writer';
import { IngestAnnouncer } from './ingestion/ingest-announcer';
import { applyThreadOwner, ThreadOwnerChange } from './ingestion/thread-control.rules';

/**
 * Thread control for platform modules (Messenger's Handover Protocol): records who controls a
 * conversation inside the caller's applier transaction and announces `conversation.updated` after it.
 */
@Injectable()
export class ThreadControlService {
  constructor(
    private readonly writer: ConversationWriter,
    private readonly announce: IngestAnnouncer,
  ) {}

  /** `no_conversation` when we never heard from this customer on this channel (nothing to attach it to). */
  async applyOwner(ctx: ApplyContext, customerExternalId: string, change: ThreadOwnerChange): Promise<'changed' | 'unchanged' | 'no_conversation'> {
    const conversation = await this.writer.lock(ctx.manager, ctx.channel.id, customerExternalId);
    if (!conversation) return 'no_conversation';
    if (!applyThreadOwner(conversation, change)) return 'unchanged';
    await this.writer.save(ctx.manager, conversation);
    const contact = await ctx.manager.findOneByOrFail(ContactEntity, { id: conversation.contactId });
    this.announce.conversation(ctx, conversation, contact);
    return 'changed';
  }
}
