import { Injectable } from '@nestjs/common';
import { IgStoryMessageEvent, InboxMessageKind, MessageEvent, PostbackEvent, ReferralEvent } from '@ticklegram/domain-models';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { DeferredFlush, DeferredWrites } from '../../../database/deferred-writes';
import { insertRow, insertRows, runInsertHooks } from '../../../database/fast-insert';
import type { ChannelRef } from '../../channels/channel-ref';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier, ResolvedEvent } from '../../webhooks/ingestion/event-applier';
import { ContactEntity } from '../entities/contact.entity';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity, StoredAttachment } from '../entities/message.entity';
import { toAttribution } from '../inbox.mapper';
import { MessageMediaService } from '../media/message-media.service';
import { SearchIndexer } from '../search/search-indexer';
import { BatchConversations } from './batch-conversations';
import { ContactProfileFiller } from './contact-profile.filler';
import { ConversationOpening, ConversationWriter } from './conversation-writer';
import { IngestAnnouncer } from './ingest-announcer';
import { MessageRefUpdater } from './message-ref.updater';
import { echoSourceLabel, eventTime, outboundStatusAt, touchConversation } from './message-state.rules';
import { lockFor } from './row-lock';
import { applyThreadOwner, ownerFromDelivery } from './thread-control.rules';

/** How far apart a stored send and an echo without our client key may be and still be the same message. */
const UNCONFIRMED_ECHO_WINDOW_MS = 10 * 60_000;

type StartEvent = MessageEvent | PostbackEvent | ReferralEvent;
/** A message-shaped event, whichever module owns its type (`message` here; Instagram's story events in the instagram module). */
export type IncomingMessage = Omit<MessageEvent, 'type'>;

/** What the owner of a message-shaped event decides before the inbox stores it (defaults: a plain message, media copied). */
export interface MessageShape {
  kind?: InboxMessageKind;
  replyToStory?: { id: string | null; url: string | null } | null;
  /** false: the media must not be copied (it is passed through from Meta while its link works). */
  keepMedia?: boolean;
  /** Called inside the transaction once a new message row is stored (not for a retry or an echo of a stored send). */
  onStored?: (message: MessageEntity, ctx: ApplyContext) => void;
}

/** What the batch knows of the customer before the transaction: their contact as it read it, or that they are new. */
export interface PreparedContact {
  known?: ContactEntity;
  /**
   * The batch found no contact for this customer and this is the customer's first event in it: on its first attempt
   * the contact and conversation are inserted without reading for them first (their unique keys catch one a
   * concurrent writer stored meanwhile; the event's second attempt reads it).
   */
  isNew?: boolean;
}

/**
 * The contacts the batch names that exist already, by `${channelId}:${customerExternalId}`, and the new customers
 * an earlier event of the batch will create (`creating`, filled by `prepare` in the batch's order).
 */
interface KnownContacts {
  contacts: Map<string, ContactEntity>;
  creating: Set<string>;
}

/**
 * Messages, postbacks and referrals: the contact and conversation (created on first contact; the customer's
 * profile is looked up after the commit), the message row (unique per channel and mid,
 * so Meta's retries and the echo of our own send never duplicate it), events parked for it, the
 * conversation's list view, and the realtime events and media downloads after the commit.
 */
@Injectable()
@AppliesEvents('message', 'postback', 'referral')
export class MessageIngestApplier implements EventApplier<StartEvent, PreparedContact, KnownContacts> {
  constructor(
    private readonly writer: ConversationWriter,
    private readonly refs: MessageRefUpdater,
    private readonly announce: IngestAnnouncer,
    private readonly media: MessageMediaService,
    private readonly search: SearchIndexer,
    private readonly profiles: ContactProfileFiller,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
  ) {}

  /** One query for the whole batch: which customers we know already (no lookup at all for them). */
  async preloadBatch(events: readonly ResolvedEvent<StartEvent | IgStoryMessageEvent>[]): Promise<KnownContacts> {
    const wanted = events.filter(({ event }) => event.customerExternalId);
    if (!wanted.length) return { contacts: new Map(), creating: new Set() };
    const contacts = await this.contacts.find({
      where: {
        channelId: In([...new Set(wanted.map((e) => e.channel.id))]),
        externalId: In([...new Set(wanted.map((e) => e.event.customerExternalId as string))]),
      },
    });
    return { contacts: new Map(contacts.map((c) => [`${c.channelId}:${c.externalId}`, c])), creating: new Set() };
  }

  /** The batch's conversations locked in one statement, and its messages' parked events read in one ({@link BatchConversations}). */
  async lockBatch(events: readonly ResolvedEvent<StartEvent>[], manager: EntityManager): Promise<void> {
    const customers = events.flatMap(({ event, channel }) => (event.customerExternalId ? [{ channelId: channel.id, customer: event.customerExternalId }] : []));
    const mids = events.flatMap(({ event, channel }) => (event.type === 'message' && event.mid ? [{ channelId: channel.id, mid: event.mid }] : []));
    await BatchConversations.open(manager, customers, mids);
  }

  /**
   * What the batch knows of the customer: their contact, or that this is the first event of a customer it has never
   * seen. No network: a new customer's profile is looked up after their message is stored ({@link ContactProfileFiller}).
   */
  async prepare(event: Pick<StartEvent, 'customerExternalId'>, channel: ChannelRef, known: KnownContacts | undefined): Promise<PreparedContact> {
    const customer = event.customerExternalId;
    if (!customer) return {};
    const key = `${channel.id}:${customer}`;
    const contact = known?.contacts.get(key);
    if (contact) return { known: contact };
    // an earlier event of this batch creates the contact
    if (known?.creating.has(key)) return {};
    // without the batch's read: the contact may exist
    if (!known && (await this.contacts.exists({ where: { channelId: channel.id, externalId: customer } }))) return {};
    known?.creating.add(key);
    return { isNew: true };
  }

  apply(event: StartEvent, ctx: ApplyContext, prepared: PreparedContact | undefined): Promise<ApplyResult> {
    if (event.type === 'message') return this.ingestMessage(event, ctx, prepared);
    if (event.type === 'postback') return this.applyPostback(event, ctx);
    return this.applyReferral(event, ctx);
  }

  /**
   * An echo without our client key (Instagram echoes carry no metadata) of a send we never got Meta's
   * answer for (pending, unknown, or failed by reconciliation): the oldest such send of the conversation
   * with the same text, stored shortly before the echo. Without this the echo would become a second row and
   * the send would look undelivered.
   */
  private async unconfirmedSendLike(m: ApplyContext['manager'], conversationId: string, event: IncomingMessage): Promise<MessageEntity | null> {
    if (!event.text) return null;
    const candidates = await m.find(MessageEntity, {
      where: { conversationId, direction: 'outbound', source: 'agent', mid: IsNull(), text: event.text, status: In(['pending', 'unknown', 'failed']) },
      order: { sentAt: 'ASC' },
      take: 5,
    });
    const echoAt = eventTime(event.timestamp).getTime();
    return candidates.find((c) => c.clientKey && Math.abs(echoAt - c.sentAt.getTime()) <= UNCONFIRMED_ECHO_WINDOW_MS) ?? null;
  }

  /**
   * Stores a message (exported for the modules that own message-shaped events of their platform, shaped
   * by them: Instagram's story mentions and story replies).
   */
  async ingestMessage(event: IncomingMessage, ctx: ApplyContext, prepared: PreparedContact | undefined, shape: MessageShape = {}): Promise<ApplyResult> {
    const m = ctx.manager;
    // a customer the batch found no contact for has no conversation either: nothing to lock on the first attempt
    const fresh = !!prepared?.isNew && ctx.attempt === 1;
    const locked = fresh ? null : await this.writer.lock(m, ctx.channel.id, event.customerExternalId);
    // a customer's message is new but for a redelivery (already stopped by its dedupe key): its insert finds a stored
    // one through the unique (channel, mid) key, and the event's second attempt reads it — or, in a batch whose read
    // found it stored, this first attempt does
    const unseen = event.direction === 'inbound' && ctx.attempt === 1 && !(await BatchConversations.of(m)?.mayBeStored(m, ctx.channel.id, event.mid));
    const existing = unseen ? null : await m.findOne(MessageEntity, { where: { channelId: ctx.channel.id, mid: event.mid }, ...lockFor(m) });
    if (existing) {
      // the echo of our own send (stored by the outbound pipeline with this mid), or a new delivery of a stored one
      if (existing.direction === 'outbound' && (existing.status === 'pending' || existing.status === 'failed' || existing.status === 'unknown')) {
        Object.assign(existing, { status: 'sent', errorCode: null, errorMessage: null });
        await m.save(existing);
        this.announce.message(ctx, existing, 'message.updated');
      }
      return { outcome: 'applied', detail: 'matched stored message by mid' };
    }

    const opened = await this.open(ctx, event, locked, prepared?.known, fresh);
    const { conversation } = opened;
    const outbound = event.direction === 'outbound';

    // our own send stored before the Send API answered: matched by the client key echoed in metadata
    // (Instagram echoes carry no app id, so anything but another app's echo may be ours)
    if (outbound && event.echoSource !== 'other_app') {
      const pending = event.metadata
        ? await m.findOne(MessageEntity, { where: { conversationId: conversation.id, clientKey: event.metadata } })
        : await this.unconfirmedSendLike(m, conversation.id, event);
      if (pending && !pending.mid) {
        pending.mid = event.mid;
        // Meta echoed it, so it was sent — also when a crash or a lost answer left it failed/unknown
        if (pending.status === 'pending' || pending.status === 'failed' || pending.status === 'unknown')
          Object.assign(pending, { status: 'sent', errorCode: null, errorMessage: null });
        await m.save(pending);
        this.announce.message(ctx, pending, 'message.updated');
        return { outcome: 'applied', detail: 'matched pending send by client key' };
      }
    }

    const sentAt = eventTime(event.timestamp);
    const attachments: StoredAttachment[] = event.attachments.map((a) => ({ ...a }));
    const kind = shape.kind ?? 'message';
    const referral = event.referral ? toAttribution(event.referral, event.timestamp) : null;
    const message = m.create(MessageEntity, {
      conversationId: conversation.id,
      channelId: ctx.channel.id,
      platform: event.platform,
      mid: event.mid,
      direction: event.direction,
      status: outbound ? outboundStatusAt(conversation, sentAt) : 'received',
      source: outbound ? echoSourceLabel(event.echoSource) : 'customer',
      kind,
      senderUserId: null,
      clientKey: null,
      text: event.text,
      attachments: attachments.length ? attachments : null,
      replyToMid: event.replyTo?.mid ?? null,
      replyToStory: shape.replyToStory ?? null,
      quickReplyPayload: event.quickReplyPayload?.slice(0, 1000) ?? null,
      postbackPayload: null,
      referral,
      metadata: event.metadata?.slice(0, 1000) ?? null,
      reactions: null,
      editHistory: null,
      editCount: 0,
      editedAt: null,
      unsentAt: null,
      unsupported: event.isUnsupported,
      errorCode: null,
      errorMessage: null,
      sentAt,
      deliveredAt: null,
      readAt: null,
    });
    if (message.status === 'read') message.readAt = conversation.customerReadAt;
    if (message.status === 'read' || message.status === 'delivered') message.deliveredAt = conversation.customerDeliveredAt ?? conversation.customerReadAt;
    await this.store(ctx, message, opened, referral, event);
    if (message.attachments?.length && shape.keepMedia !== false) ctx.afterCommit(() => this.media.enqueueMessage(message.id));
    shape.onStored?.(message, ctx);
    return { outcome: 'applied' };
  }

  private async applyPostback(event: PostbackEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const m = ctx.manager;
    if (event.mid && (await m.exists(MessageEntity, { where: { channelId: ctx.channel.id, mid: event.mid } })))
      return { outcome: 'applied', detail: 'already stored' };
    const opened = await this.open(ctx, event);
    const { conversation } = opened;
    const referral = event.referral ? toAttribution(event.referral, event.timestamp) : null;
    const message = m.create(MessageEntity, {
      conversationId: conversation.id,
      channelId: ctx.channel.id,
      platform: event.platform,
      mid: event.mid,
      direction: 'inbound',
      status: 'received',
      source: 'customer',
      kind: 'postback',
      text: event.title,
      attachments: null,
      postbackPayload: event.payload?.slice(0, 1000) ?? null,
      referral,
      sentAt: eventTime(event.timestamp),
    });
    await this.store(ctx, message, opened, referral, event);
    return { outcome: 'applied' };
  }

  /** Inserts a new message, applies what was parked for it, moves the conversation on, and announces both after the commit. */
  private async store(
    ctx: ApplyContext,
    message: MessageEntity,
    { conversation, contact }: { conversation: ConversationEntity; contact: ContactEntity },
    referral: ReturnType<typeof toAttribution> | null,
    event: Pick<MessageEvent | PostbackEvent, 'via' | 'timestamp'>,
  ): Promise<void> {
    await this.insertMessage(ctx.manager, message);
    await this.refs.replayParked(message, conversation, ctx);
    touchConversation(conversation, message, referral);
    this.noteThreadOwner(conversation, event);
    await this.writer.save(ctx.manager, conversation);
    // a conversation created here is unassigned (round-robin assigns it after the commit and announces that itself)
    this.announce.message(ctx, message, 'message.created', conversation);
    this.announce.conversation(ctx, conversation, contact);
  }

  /**
   * Inserts the message now, or with the batch's other messages in one statement before the batch's next statement
   * (its search document is queued with it: that insert runs without the subscribers).
   */
  private async insertMessage(m: EntityManager, message: MessageEntity): Promise<void> {
    const deferred = DeferredWrites.of(m);
    if (!deferred) {
      await insertRow(m, MessageEntity, message);
      return;
    }
    runInsertHooks(m, MessageEntity, message);
    deferred.queueRow(insertMessages, message);
    await this.search.indexMessage(m, message);
  }

  /** The customer's conversation (and contact, created when new: their profile is looked up after the commit). */
  private async open(
    ctx: ApplyContext,
    event: ConversationOpening,
    locked?: ConversationEntity | null,
    known?: ContactEntity,
    fresh = false,
  ): ReturnType<ConversationWriter['upsert']> {
    const opened = await this.writer.upsert(ctx.manager, ctx.channel, event, null, locked, known, fresh);
    if (opened.contactCreated) {
      const contactId = opened.contact.id;
      ctx.afterCommit(() => this.profiles.enqueue(ctx.channel, contactId));
    }
    return opened;
  }

  /** Meta sends the owner's events on `messaging`, everyone else's on `standby`: that tells who controls the thread. */
  private noteThreadOwner(conversation: ConversationEntity, event: Pick<MessageEvent | PostbackEvent, 'via' | 'timestamp'>): void {
    const change = ownerFromDelivery(event.via, eventTime(event.timestamp));
    if (change) applyThreadOwner(conversation, change);
  }

  private async applyReferral(event: ReferralEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const { conversation, contact } = await this.open(ctx, event);
    const when = eventTime(event.timestamp);
    conversation.referral ??= toAttribution(event.referral, event.timestamp);
    // opening an m.me / ig.me link or an ad on an existing thread reopens the messaging window
    if (event.actor === 'customer' && (!conversation.lastCustomerMessageAt || conversation.lastCustomerMessageAt < when))
      conversation.lastCustomerMessageAt = when;
    await this.writer.save(ctx.manager, conversation);
    this.announce.conversation(ctx, conversation, contact);
    return { outcome: 'applied' };
  }
}

/** The batch's new messages in one multi-row INSERT (ids and timestamps assigned when queued; search documents queued with them). */
const insertMessages: DeferredFlush<MessageEntity> = async (m, rows) => {
  await insertRows(m, MessageEntity, rows);
};
