import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { MediaStorage, PassThroughFile } from '../../media/media-storage.service';
import { MediaDownloadError } from '../../media/safe-download';
import { Caller, ConversationAccessPolicy } from '../conversation-access.policy';
import { StoredAttachment } from '../entities/message.entity';
import { InboxGateway } from '../inbox.gateway';
import { MessageRepository } from '../repositories/message.repository';
import { ScopedConversationRepository } from '../repositories/scoped-conversation.repository';
import { PassThroughMediaSources } from './pass-through-media-sources';

/** Attachment kinds whose file we keep. Posts/reels are links; platform modules pass some through (`PassThroughMediaSources`). */
const STORABLE = new Set(['image', 'video', 'audio', 'file', 'sticker']);
const MAX_PARALLEL = 4;

/**
 * Message attachments: copied from Meta's CDN into DATA_DIR/media as `<messageId>-<index>` (their URLs
 * expire) after the message is committed, a few at a time (a missed one is fetched on first view), and
 * served back to those who may see the conversation. Platform modules' pass-through media is never kept.
 */
@Injectable()
export class MessageMediaService implements OnApplicationShutdown {
  private readonly logger = new Logger(MessageMediaService.name);
  private readonly queue: string[] = [];
  private running = 0;
  private closed = false;
  private readonly idle = new Set<() => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: MediaStorage,
    private readonly messages: MessageRepository,
    private readonly conversations: ScopedConversationRepository,
    private readonly gateway: InboxGateway,
    private readonly passThroughSources: PassThroughMediaSources,
  ) {}

  /** Queues the message's attachments for download (after its transaction committed). */
  enqueueMessage(messageId: string): void {
    if (this.closed || !this.config.media.downloadOnIngest) return;
    this.queue.push(messageId);
    this.pump();
  }

  /** Resolves when no download is queued or running (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Whether the caller may see the message's conversation (the inbox's one access rule). */
  async canSee(caller: Caller, messageId: string): Promise<boolean> {
    const conversationId = await this.messages.conversationIdOf(messageId);
    const conversation = conversationId ? await this.conversations.findById(conversationId) : null;
    return conversation !== null && ConversationAccessPolicy.canSee(caller, conversation);
  }

  /** The stored file of attachment `index`, downloading it now if needed; null when there is nothing to serve. */
  async fileFor(messageId: string, index: number): Promise<{ path: string; contentType: string } | null> {
    let attachment = await this.attachment(messageId, index);
    if (!attachment || !STORABLE.has(attachment.type)) return null;
    if (!attachment.storedFile) {
      await this.download(messageId);
      attachment = await this.attachment(messageId, index);
      if (!attachment?.storedFile) return null;
    }
    // pruned by the retention job: Meta's link has expired by then, so there is nothing to serve
    if (!(await this.storage.exists(attachment.storedFile))) return null;
    return { path: this.storage.pathOf(attachment.storedFile), contentType: attachment.contentType ?? 'application/octet-stream' };
  }

  /**
   * An attachment a platform module passes through from Meta for this one response and never keeps
   * (`PassThroughMediaSources`: Instagram story mentions). The first time its link stops working the
   * attachment is marked expired and its source told: `'expired'`. Null when it is not passed through.
   */
  async passThrough(messageId: string, index: number): Promise<PassThroughFile | 'expired' | null> {
    const message = await this.messages.findById(messageId);
    const attachment = message?.attachments?.[index];
    const source = attachment ? this.passThroughSources.sourceFor(attachment.type) : undefined;
    if (!message || message.unsentAt || !attachment || !source || !attachment.url) return null;
    if (attachment.expired) return 'expired';
    const file = await source.fetch(attachment);
    if (file !== 'expired') return file;
    message.attachments = (message.attachments ?? []).map((a, i) => (i === index ? { ...a, expired: true } : a));
    await this.messages.updateAttachments(message.id, message.attachments);
    const conversation = await this.conversations.findById(message.conversationId);
    if (conversation) {
      this.gateway.message(conversation, message, 'message.updated');
      source.expired(conversation, message, index);
    }
    return 'expired';
  }

  /** Meta's terms: an unsent message's media is deleted too. */
  deleteMessageMedia(messageId: string): Promise<void> {
    return this.storage.deleteByPrefix(`${messageId}-`);
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private async attachment(messageId: string, index: number): Promise<StoredAttachment | null> {
    const message = await this.messages.findById(messageId);
    if (!message || message.unsentAt) return null;
    return message.attachments?.[index] ?? null;
  }

  private pump(): void {
    while (this.running < MAX_PARALLEL && this.queue.length > 0) {
      const id = this.queue.shift() as string;
      this.running += 1;
      this.download(id)
        .catch((error: unknown) => this.logger.warn({ messageId: id, error: String(error) }, 'media download failed'))
        .finally(() => {
          this.running -= 1;
          if (this.running === 0 && this.queue.length === 0) {
            const waiters = [...this.idle];
            this.idle.clear();
            for (const resolve of waiters) resolve();
          }
          this.pump();
        });
    }
  }

  /** Downloads every storable attachment of a message not stored yet; records file names on the message. */
  private async download(messageId: string): Promise<void> {
    const message = await this.messages.findById(messageId);
    if (!message?.attachments?.length || message.unsentAt) return;
    let changed = false;
    const attachments: StoredAttachment[] = [...message.attachments];
    for (const [index, attachment] of attachments.entries()) {
      if (!STORABLE.has(attachment.type) || !attachment.url || attachment.storedFile) continue;
      const file = `${message.id}-${index}`;
      try {
        const result = await this.storage.download(attachment.url, file);
        attachments[index] = { ...attachment, storedFile: file, contentType: result.contentType ?? undefined };
        changed = true;
      } catch (error) {
        const reason = error instanceof MediaDownloadError ? error.reason : 'network';
        this.logger.warn({ messageId, index, reason, error: String(error) }, 'attachment not stored');
      }
    }
    if (!changed) return;
    await this.messages.updateAttachments(message.id, attachments);
    const fresh = await this.messages.findById(message.id);
    if (fresh && !fresh.unsentAt) {
      const conversation = await this.conversations.findById(fresh.conversationId);
      if (conversation) this.gateway.message(conversation, fresh, 'message.updated');
    } else if (fresh?.unsentAt) {
      await this.deleteMessageMedia(fresh.id);
    }
  }
}
