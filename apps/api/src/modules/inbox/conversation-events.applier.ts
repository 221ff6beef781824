import { Injectable } from '@nestjs/common';
import {
  CONVERSATION_EVENT_TYPES,
  DeliveryEvent,
  InboxMessageSource,
  MessageEditEvent,
  MessageEvent,
  MessageReactionDto,
  MessageUnsendEvent,
  NormalizedEvent,
  NormalizedEventOf,
  PostbackEvent,
  ReactionEvent,
  ReadEvent,
  ReferralEvent,
} from '@ticklegram/domain-models';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThanOrEqual, Repository } from 'typeorm';
import { ChannelRef, ChannelsService } from '../channels/channels.service';
import { CustomerProfile } from '../channels/customer-profiles.service';
import { MediaService } from '../media/media.service';
import { ConversationEventsPublisher } from '../assignment/conversation-events.publisher';
import { RealtimeService } from '../realtime/realtime.service';
import { ApplyContext, ApplyResult, EventApplier } from '../webhooks/appliers/apply-context';
import { insertRow } from '../webhooks/appliers/fast-insert';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity, StoredAttachment } from './entities/message.entity';
import { PendingMessageEventEntity } from './entities/pending-message-event.entity';
import { placeholderName, previewOf, toAttribution, toConversationDto, toMessageDto } from './inbox.mapper';

type ConversationEvent = NormalizedEventOf<(typeof CONVERSATION_EVENT_TYPES)[number]>;
/** Events that refer to a message by mid and wait for it when it has not landed yet. */
type MessageRefEvent = MessageEditEvent | MessageUnsendEvent | ReactionEvent | ReadEvent | DeliveryEvent;

const HANDLED = new Set<string>(CONVERSATION_EVENT_TYPES);
const OUTBOUND_UNREAD = ['pending', 'sent', 'delivered'];

interface Prepared {
  profile: CustomerProfile | null;
}

/**
 * MySQL: a locking read sees the latest committed rows and waits for writers, so two workers applying
 * events of the same conversation serialise on its row (or on the gap where it will be inserted).
 * SQLite has one writer anyway.
 */
function lockFor(m: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  const type = m.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? { lock: { mode: 'pessimistic_write' } } : {};
}

function at(ms: number | null): Date {
  return new Date(ms ?? Date.now());
}

/** Drops `raw` (it is in webhook_events) so parked events stay small. */
function withoutRaw(event: NormalizedEvent): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...event };
  delete copy['raw'];
  return copy;
}

/**
 * Applies Messenger / Instagram Direct events to contacts, conversations and messages. Idempotent:
 * the caller dedupes by dedupe key, messages are unique per (channel, mid), and state changes converge
 * whatever order Meta delivers them in (events for a message not stored yet are parked).
 */
@Injectable()
export class ConversationEventsApplier implements EventApplier<ConversationEvent, Prepared> {
  constructor(
    private readonly channels: ChannelsService,
    private readonly realtime: RealtimeService,
    private readonly publisher: ConversationEventsPublisher,
    private readonly media: MediaService,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
  ) {}

  supports(event: NormalizedEvent): event is ConversationEvent {
    return HANDLED.has(event.type);
  }

  /** Looks the customer up (network) only when we have never seen them. */
  async prepare(event: ConversationEvent, channel: ChannelRef): Promise<Prepared> {
    if (!this.createsConversation(event) || !event.customerExternalId) return { profile: null };
    const known = await this.channelsContactExists(channel.id, event.customerExternalId);
    if (known) return { profile: null };
    return { profile: await this.channels.lookupCustomerProfile(channel, event.customerExternalId) };
  }

  async apply(event: ConversationEvent, ctx: ApplyContext, prepared: Prepared | undefined): Promise<ApplyResult> {
    switch (event.type) {
      case 'message':
        return this.applyMessage(event, ctx, prepared?.profile ?? null);
      case 'postback':
        return this.applyPostback(event, ctx, prepared?.profile ?? null);
      case 'referral':
        return this.applyReferral(event, ctx, prepared?.profile ?? null);
      case 'message_edit':
      case 'message_unsend':
      case 'reaction':
      case 'read':
      case 'delivery':
        return this.applyMessageRef(event, ctx);
      default:
        // optin, handover, policy_enforcement, response_feedback, account_linking: kept in webhook_events
        return { outcome: 'noted', detail: `${event.type} kept in the raw event` };
    }
  }

  private createsConversation(event: ConversationEvent): boolean {
    return event.type === 'message' || event.type === 'postback' || event.type === 'referral';
  }

  private channelsContactExists(channelId: string, externalId: string): Promise<boolean> {
    return this.contacts.exists({ where: { channelId, externalId } });
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  private async applyMessage(event: MessageEvent, ctx: ApplyContext, profile: CustomerProfile | null): Promise<ApplyResult> {
    const m = ctx.manager;
    const locked = await this.lockConversation(m, ctx.channel.id, event.customerExternalId);
    const existing = await m.findOne(MessageEntity, { where: { channelId: ctx.channel.id, mid: event.mid }, ...lockFor(m) });
    if (existing) {
      // the echo of our own send (stored by the outbound pipeline with this mid), or a new delivery of a stored one
      if (existing.direction === 'outbound' && (existing.status === 'pending' || existing.status === 'failed')) {
        existing.status = 'sent';
        await m.save(existing);
        this.emitMessage(ctx, existing, 'message.updated');
      }
      return { outcome: 'applied', detail: 'matched stored message by mid' };
    }

    const { conversation, contact } = await this.upsertConversation(event, ctx, profile, locked);
    const outbound = event.direction === 'outbound';

    // our own send stored before the Send API answered: matched by the client key echoed in metadata
    // (Instagram echoes carry no app id, so anything but another app's echo may be ours)
    if (outbound && event.echoSource !== 'other_app' && event.metadata) {
      const pending = await m.findOne(MessageEntity, { where: { conversationId: conversation.id, clientKey: event.metadata } });
      if (pending && !pending.mid) {
        pending.mid = event.mid;
        // Meta echoed it, so it was sent — also when a crash marked it failed before the mid was stored
        if (pending.status === 'pending' || pending.status === 'failed') pending.status = 'sent';
        await m.save(pending);
        this.emitMessage(ctx, pending, 'message.updated');
        return { outcome: 'applied', detail: 'matched pending send by client key' };
      }
    }

    const sentAt = at(event.timestamp);
    const attachments: StoredAttachment[] = event.attachments.map((a) => ({ ...a }));
    const isStoryMention = attachments.some((a) => a.type === 'story_mention');
    const message = m.create(MessageEntity, {
      conversationId: conversation.id,
      channelId: ctx.channel.id,
      platform: event.platform,
      mid: event.mid,
      direction: event.direction,
      status: outbound ? this.outboundStatus(conversation, sentAt) : 'received',
      source: outbound ? this.echoSourceOf(event) : 'customer',
      kind: isStoryMention ? 'story_mention' : 'message',
      senderUserId: null,
      clientKey: null,
      text: event.text,
      attachments: attachments.length ? attachments : null,
      replyToMid: event.replyTo?.mid ?? null,
      replyToStory: event.replyTo?.story ? { id: event.replyTo.story.id ?? null, url: event.replyTo.story.url ?? null } : null,
      quickReplyPayload: event.quickReplyPayload?.slice(0, 1000) ?? null,
      postbackPayload: null,
      referral: event.referral ? toAttribution(event.referral, event.timestamp) : null,
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
    await insertRow(m, MessageEntity, message);

    await this.applyParked(message, conversation, ctx);
    this.touchConversation(conversation, message, event.referral ? toAttribution(event.referral, event.timestamp) : null);
    await this.saveConversation(m, conversation);

    this.emitMessage(ctx, message, 'message.created');
    this.emitConversation(ctx, conversation, contact);
    if (message.attachments?.length && !isStoryMention) ctx.afterCommit(() => this.media.enqueueMessage(message.id));
    return { outcome: 'applied' };
  }

  private echoSourceOf(event: MessageEvent): InboxMessageSource {
    switch (event.echoSource) {
      case 'this_app':
        return 'agent';
      case 'other_app':
        return 'automation';
      default:
        // native apps, and Instagram echoes (never carry an app id) whose mid we do not know
        return 'native_app';
    }
  }

  private outboundStatus(conversation: ConversationEntity, sentAt: Date): 'sent' | 'delivered' | 'read' {
    if (conversation.customerReadAt && conversation.customerReadAt >= sentAt) return 'read';
    if (conversation.customerDeliveredAt && conversation.customerDeliveredAt >= sentAt) return 'delivered';
    return 'sent';
  }

  private async applyPostback(event: PostbackEvent, ctx: ApplyContext, profile: CustomerProfile | null): Promise<ApplyResult> {
    const m = ctx.manager;
    if (event.mid && (await m.exists(MessageEntity, { where: { channelId: ctx.channel.id, mid: event.mid } }))) return { outcome: 'applied', detail: 'already stored' };
    const { conversation, contact } = await this.upsertConversation(event, ctx, profile);
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
      sentAt: at(event.timestamp),
    });
    await insertRow(m, MessageEntity, message);
    await this.applyParked(message, conversation, ctx);
    this.touchConversation(conversation, message, referral);
    await this.saveConversation(m, conversation);
    this.emitMessage(ctx, message, 'message.created');
    this.emitConversation(ctx, conversation, contact);
    return { outcome: 'applied' };
  }

  private async applyReferral(event: ReferralEvent, ctx: ApplyContext, profile: CustomerProfile | null): Promise<ApplyResult> {
    const { conversation, contact } = await this.upsertConversation(event, ctx, profile);
    const when = at(event.timestamp);
    conversation.referral ??= toAttribution(event.referral, event.timestamp);
    // opening an m.me / ig.me link or an ad on an existing thread reopens the messaging window
    if (event.actor === 'customer' && (!conversation.lastCustomerMessageAt || conversation.lastCustomerMessageAt < when)) conversation.lastCustomerMessageAt = when;
    await this.saveConversation(ctx.manager, conversation);
    this.emitConversation(ctx, conversation, contact);
    return { outcome: 'applied' };
  }

  // ── events that refer to a message ──────────────────────────────────────────────────────

  private async applyMessageRef(event: MessageRefEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const m = ctx.manager;
    if ((event.type === 'read' && !event.mid) || (event.type === 'delivery' && event.mids.length === 0)) {
      return this.applyWatermark(event, ctx);
    }
    const mids = event.type === 'delivery' ? event.mids : [event.type === 'read' ? (event.mid as string) : event.mid];
    if (event.customerExternalId) await this.lockConversation(m, ctx.channel.id, event.customerExternalId);
    const found = await m.find(MessageEntity, { where: { channelId: ctx.channel.id, mid: In(mids) }, ...lockFor(m) });
    const missing = mids.filter((mid) => !found.some((f) => f.mid === mid));
    for (const mid of missing) {
      const parked = m.create(PendingMessageEventEntity, {
        channelId: ctx.channel.id,
        mid,
        type: event.type,
        dedupeKey: mids.length > 1 ? `${event.dedupeKey.slice(0, 150)}:${mid.slice(-40)}` : event.dedupeKey,
        event: withoutRaw(event),
        createdAt: new Date(),
      });
      await m.save(parked);
    }
    for (const message of found) {
      const conversation = await m.findOneByOrFail(ConversationEntity, { id: message.conversationId });
      const changed = await this.applyToMessage(event, message, conversation, ctx);
      if (changed) this.emitMessage(ctx, message, 'message.updated');
    }
    return missing.length && !found.length ? { outcome: 'parked', detail: `waiting for ${missing.join(', ')}` } : { outcome: 'applied' };
  }

  /** Applies the events parked for a message that just landed, oldest first. */
  private async applyParked(message: MessageEntity, conversation: ConversationEntity, ctx: ApplyContext): Promise<void> {
    if (!message.mid) return;
    const parked = await ctx.manager.find(PendingMessageEventEntity, { where: { channelId: message.channelId, mid: message.mid }, order: { id: 'ASC' }, ...lockFor(ctx.manager) });
    if (!parked.length) return;
    const events = parked.map((p) => p.event as unknown as MessageRefEvent).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    for (const event of events) await this.applyToMessage(event, message, conversation, ctx);
    await ctx.manager.delete(PendingMessageEventEntity, { id: In(parked.map((p) => p.id)) });
  }

  /** Mutates and saves one message; returns whether it changed. */
  private async applyToMessage(event: MessageRefEvent, message: MessageEntity, conversation: ConversationEntity, ctx: ApplyContext): Promise<boolean> {
    const when = at(event.timestamp);
    switch (event.type) {
      case 'message_edit': {
        if (message.unsentAt) return false;
        const order = event.numEdit ?? message.editCount + 1;
        if (order <= message.editCount) {
          // an older edit arriving late: keep it in history only
          const history = message.editHistory ?? [];
          if (history.some((h) => h.text === event.text)) return false;
          message.editHistory = [...history, { text: event.text, at: when.toISOString() }].sort((a, b) => a.at.localeCompare(b.at));
        } else {
          message.editHistory = [...(message.editHistory ?? []), { text: message.text, at: (message.editedAt ?? message.sentAt).toISOString() }];
          message.text = event.text;
          message.editCount = order;
          message.editedAt = when;
        }
        break;
      }
      case 'message_unsend':
        if (message.unsentAt) return false;
        // Meta's terms: delete the stored copy, keep an "unsent" marker
        message.text = null;
        message.attachments = null;
        message.editHistory = null;
        message.reactions = null;
        message.quickReplyPayload = null;
        message.unsentAt = when;
        ctx.afterCommit(() => this.media.deleteMessageMedia(message.id));
        break;
      case 'reaction': {
        const by: MessageReactionDto['by'] = event.actor === 'customer' ? 'customer' : 'business';
        const current = message.reactions ?? [];
        const mine = current.find((r) => r.by === by);
        if (mine && mine.at > when.toISOString()) return false;
        const others = current.filter((r) => r.by !== by);
        message.reactions = event.action === 'react' ? [...others, { by, reaction: event.reaction, emoji: event.emoji, at: when.toISOString() }] : others;
        if (by === 'customer' && event.action === 'react') this.bumpCustomerActivity(conversation, when);
        break;
      }
      case 'read':
        if (event.actor !== 'customer') return false;
        // Instagram reads name a message: it and everything the business sent before it are read
        await this.markOutbound(conversation, message.sentAt, 'read', ctx, message.id);
        this.raiseWatermark(conversation, 'customerReadAt', message.sentAt);
        await this.saveConversation(ctx.manager, conversation);
        return false;
      case 'delivery':
        if (message.direction !== 'outbound' || !['pending', 'sent'].includes(message.status)) return false;
        message.status = 'delivered';
        message.deliveredAt = when;
        break;
    }
    await ctx.manager.save(message);
    if (event.type === 'reaction' && event.actor === 'customer') await this.saveConversation(ctx.manager, conversation);
    return true;
  }

  private async applyWatermark(event: ReadEvent | DeliveryEvent, ctx: ApplyContext): Promise<ApplyResult> {
    if (event.actor !== 'customer' || !event.customerExternalId || event.watermark === null) return { outcome: 'noted', detail: 'no customer watermark' };
    const conversation = await this.lockConversation(ctx.manager, ctx.channel.id, event.customerExternalId);
    if (!conversation) return { outcome: 'noted', detail: 'no conversation yet' };
    const watermark = new Date(event.watermark);
    const field = event.type === 'read' ? 'customerReadAt' : 'customerDeliveredAt';
    this.raiseWatermark(conversation, field, watermark);
    await this.saveConversation(ctx.manager, conversation);
    await this.markOutbound(conversation, watermark, event.type === 'read' ? 'read' : 'delivered', ctx);
    return { outcome: 'applied' };
  }

  private raiseWatermark(conversation: ConversationEntity, field: 'customerReadAt' | 'customerDeliveredAt', value: Date): void {
    const current = conversation[field];
    if (!current || current < value) conversation[field] = value;
  }

  /** Every outbound message of the conversation sent at or before `upTo` becomes read / delivered. */
  private async markOutbound(conversation: ConversationEntity, upTo: Date, status: 'read' | 'delivered', ctx: ApplyContext, includeId?: string): Promise<void> {
    const from = status === 'read' ? OUTBOUND_UNREAD : ['pending', 'sent'];
    const targets = await ctx.manager.find(MessageEntity, {
      where: { conversationId: conversation.id, direction: 'outbound', status: In(from), sentAt: LessThanOrEqual(upTo) },
    });
    if (includeId && !targets.some((t) => t.id === includeId)) {
      const self = await ctx.manager.findOneBy(MessageEntity, { id: includeId });
      if (self && self.direction === 'outbound' && from.includes(self.status)) targets.push(self);
    }
    const now = upTo;
    for (const message of targets) {
      message.status = status;
      if (status === 'read') message.readAt = now;
      message.deliveredAt ??= now;
      await ctx.manager.save(message);
      this.emitMessage(ctx, message, 'message.updated');
    }
  }

  // ── conversations and contacts ───────────────────────────────────────────────────────────

  private async upsertConversation(
    event: MessageEvent | PostbackEvent | ReferralEvent,
    ctx: ApplyContext,
    profile: CustomerProfile | null,
    locked?: ConversationEntity | null,
  ): Promise<{ conversation: ConversationEntity; contact: ContactEntity }> {
    const m = ctx.manager;
    const customer = event.customerExternalId as string;
    let conversation = locked === undefined ? await this.lockConversation(m, ctx.channel.id, customer) : locked;
    const contact = await this.upsertContact(m, ctx.channel, event, customer, profile, conversation?.contactId ?? null);
    if (!conversation) {
      conversation = m.create(ConversationEntity, {
        channelId: ctx.channel.id,
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
      });
      await insertRow(m, ConversationEntity, conversation);
    }
    return { conversation, contact };
  }

  /** Writes the fields ingestion changes (one UPDATE, no read-before-write). */
  private async saveConversation(m: EntityManager, c: ConversationEntity): Promise<void> {
    c.updatedAt = new Date();
    await m.update(ConversationEntity, { id: c.id }, {
      status: c.status,
      unreadCount: c.unreadCount,
      lastMessageAt: c.lastMessageAt,
      lastMessagePreview: c.lastMessagePreview,
      lastMessageDirection: c.lastMessageDirection,
      lastCustomerMessageAt: c.lastCustomerMessageAt,
      customerReadAt: c.customerReadAt,
      customerDeliveredAt: c.customerDeliveredAt,
      referral: c.referral,
      updatedAt: c.updatedAt,
    });
  }

  /** Takes the conversation's row lock (or the gap lock where it will be inserted) first, on MySQL. */
  private async lockConversation(m: EntityManager, channelId: string, customer: string): Promise<ConversationEntity | null> {
    return m.findOne(ConversationEntity, { where: { channelId, customerExternalId: customer }, ...lockFor(m) });
  }

  private async upsertContact(
    m: EntityManager,
    channel: ChannelRef,
    event: MessageEvent | PostbackEvent | ReferralEvent,
    customer: string,
    profile: CustomerProfile | null,
    knownId: string | null,
  ): Promise<ContactEntity> {
    const existing = await m.findOne(ContactEntity, { where: knownId ? { id: knownId } : { channelId: channel.id, externalId: customer } });
    if (existing) {
      if (profile && (profile.name || profile.username) && !existing.name && !existing.username) {
        Object.assign(existing, this.displayFields(event, customer, profile), { updatedAt: new Date() });
        await m.update(ContactEntity, { id: existing.id }, { name: existing.name, username: existing.username, profilePicUrl: existing.profilePicUrl, displayName: existing.displayName, profileFetchedAt: existing.profileFetchedAt, updatedAt: existing.updatedAt });
      }
      return existing;
    }
    const contact = m.create(ContactEntity, { channelId: channel.id, platform: event.platform, externalId: customer, ...this.displayFields(event, customer, profile) });
    await insertRow(m, ContactEntity, contact);
    return contact;
  }

  private displayFields(event: MessageEvent | PostbackEvent | ReferralEvent, customer: string, profile: CustomerProfile | null) {
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

  private touchConversation(conversation: ConversationEntity, message: MessageEntity, referral: ReturnType<typeof toAttribution> | null): void {
    if (!conversation.lastMessageAt || conversation.lastMessageAt <= message.sentAt) {
      conversation.lastMessageAt = message.sentAt;
      conversation.lastMessagePreview = previewOf(message).slice(0, 255) || null;
      conversation.lastMessageDirection = message.direction;
    }
    if (message.direction === 'inbound') {
      conversation.unreadCount += 1;
      this.bumpCustomerActivity(conversation, message.sentAt);
      // a customer writing again reopens a resolved or snoozed conversation
      if (conversation.status === 'resolved' || conversation.status === 'snoozed') conversation.status = 'open';
    } else if (message.sentAt >= (conversation.lastCustomerMessageAt ?? new Date(0))) {
      conversation.unreadCount = 0;
    }
    if (referral) conversation.referral ??= referral;
  }

  private bumpCustomerActivity(conversation: ConversationEntity, when: Date): void {
    if (!conversation.lastCustomerMessageAt || conversation.lastCustomerMessageAt < when) conversation.lastCustomerMessageAt = when;
  }

  // ── realtime (after commit) ──────────────────────────────────────────────────────────────

  private emitMessage(ctx: ApplyContext, message: MessageEntity, name: 'message.created' | 'message.updated'): void {
    const payload = { conversationId: message.conversationId, message: toMessageDto(message) };
    // only to sockets that may see the conversation (its room, admins, the assignee; all agents while unassigned)
    ctx.afterCommit(() => void this.publishScoped(message.conversationId, name, payload));
  }

  private emitConversation(ctx: ApplyContext, conversation: ConversationEntity, contact: ContactEntity): void {
    const payload = { conversation: toConversationDto(conversation, contact) };
    ctx.afterCommit(() => this.realtime.toRooms(this.publisher.audience(conversation.id, conversation.assigneeId), 'conversation.updated', payload));
  }

  private async publishScoped(conversationId: string, name: 'message.created' | 'message.updated', payload: { conversationId: string; message: ReturnType<typeof toMessageDto> }): Promise<void> {
    const row = await this.contacts.manager.findOne(ConversationEntity, { select: { id: true, assigneeId: true }, where: { id: conversationId } }).catch(() => null);
    if (row) this.realtime.toRooms(this.publisher.audience(conversationId, row.assigneeId), name, payload);
  }
}
