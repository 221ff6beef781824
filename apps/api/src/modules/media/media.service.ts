import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@ticklegram/domain-models';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Caller, ConversationAccessPolicy } from '../assignment/conversation-access.policy';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { MessageEntity, StoredAttachment } from '../inbox/entities/message.entity';
import { toMessageDto } from '../inbox/inbox.mapper';
import { RealtimeService } from '../realtime/realtime.service';
import { DownloadPolicy, MediaDownloadError, safeDownload } from './safe-download';

/** The simulator's origin, under both loopback names (`npm start` gives the sim a `localhost` public URL). */
export function simOrigins(simUrl: string | null): string[] {
  if (!simUrl) return [];
  const url = new URL(simUrl);
  const origins = [url.origin];
  for (const [from, to] of [['127.0.0.1', 'localhost'], ['localhost', '127.0.0.1']]) {
    if (url.hostname === from) origins.push(`${url.protocol}//${to}${url.port ? `:${url.port}` : ''}`);
  }
  return origins;
}

/** Attachment kinds whose file we keep. Story mentions must not be stored (Meta's terms); posts/reels are links. */
const STORABLE = new Set(['image', 'video', 'audio', 'file', 'sticker']);
const MAX_PARALLEL = 4;

/**
 * Copies message attachments from Meta's CDN into DATA_DIR/media (their URLs expire) and serves them
 * back. Downloads run after the message is committed, a few at a time; a missed one is fetched on first view.
 */
@Injectable()
export class MediaService implements OnApplicationShutdown {
  private readonly logger = new Logger(MediaService.name);
  private readonly dir: string;
  private readonly policy: DownloadPolicy;
  private readonly queue: string[] = [];
  private running = 0;
  private closed = false;
  private readonly idle = new Set<() => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    private readonly realtime: RealtimeService,
  ) {
    this.dir = join(config.dataDir, 'media');
    mkdirSync(this.dir, { recursive: true });
    this.policy = { extraOrigins: simOrigins(config.meta.simUrl), maxBytes: config.media.maxBytes, timeoutMs: config.media.timeoutMs };
  }

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
    const message = await this.messages.findOne({ where: { id: messageId }, select: { id: true, conversationId: true } });
    if (!message) return false;
    const conversation = await this.conversations.findOne({ where: { id: message.conversationId }, select: { id: true, assigneeId: true } });
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
    return { path: join(this.dir, attachment.storedFile), contentType: attachment.contentType ?? 'application/octet-stream' };
  }

  private async attachment(messageId: string, index: number): Promise<StoredAttachment | null> {
    const message = await this.messages.findOneBy({ id: messageId });
    if (!message || message.unsentAt) return null;
    return message.attachments?.[index] ?? null;
  }

  /**
   * A story mention's media, passed through from Meta's CDN for this one response and never kept
   * (Meta's terms). Once the link stops working the attachment is marked expired: `'expired'`.
   */
  async storyMention(messageId: string, index: number): Promise<{ path: string; contentType: string; done: () => Promise<void> } | 'expired' | null> {
    const message = await this.messages.findOneBy({ id: messageId });
    const attachment = message?.attachments?.[index];
    if (!message || message.unsentAt || !attachment || attachment.type !== 'story_mention' || !attachment.url) return null;
    if (attachment.expired) return 'expired';
    const dir = await mkdtemp(join(tmpdir(), 'tg-story-'));
    const done = () => rm(dir, { recursive: true, force: true });
    try {
      const result = await safeDownload(attachment.url, join(dir, 'media'), this.policy);
      return { path: join(dir, 'media'), contentType: result.contentType ?? 'application/octet-stream', done };
    } catch (error) {
      await done();
      if (error instanceof MediaDownloadError && error.reason === 'http_error') {
        const attachments = [...(message.attachments ?? [])];
        attachments[index] = { ...attachment, expired: true };
        await this.messages.update({ id: message.id }, { attachments: attachments as QueryDeepPartialEntity<MessageEntity>['attachments'] });
        return 'expired';
      }
      throw error;
    }
  }

  /** Meta's terms: an unsent message's media is deleted too. */
  async deleteMessageMedia(messageId: string): Promise<void> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(files.filter((f) => f.startsWith(`${messageId}-`)).map((f) => unlink(join(this.dir, f)).catch(() => undefined)));
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.queue.length = 0;
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
    const message = await this.messages.findOneBy({ id: messageId });
    if (!message?.attachments?.length || message.unsentAt) return;
    let changed = false;
    const attachments: StoredAttachment[] = [...message.attachments];
    for (const [index, attachment] of attachments.entries()) {
      if (!STORABLE.has(attachment.type) || !attachment.url || attachment.storedFile) continue;
      const file = `${message.id}-${index}`;
      try {
        const result = await safeDownload(attachment.url, join(this.dir, file), this.policy);
        attachments[index] = { ...attachment, storedFile: file, contentType: result.contentType ?? undefined };
        changed = true;
      } catch (error) {
        const reason = error instanceof MediaDownloadError ? error.reason : 'network';
        this.logger.warn({ messageId, index, reason, error: String(error) }, 'attachment not stored');
      }
    }
    if (!changed) return;
    // only the attachments column: the message may have changed meanwhile (reaction, edit)
    await this.messages.update({ id: message.id }, { attachments: attachments as QueryDeepPartialEntity<MessageEntity>['attachments'] });
    const fresh = await this.messages.findOneBy({ id: message.id });
    if (fresh && !fresh.unsentAt) {
      const payload = { conversationId: fresh.conversationId, message: toMessageDto(fresh) };
      this.realtime.toConversation(fresh.conversationId, 'message.updated', payload);
      this.realtime.toRole(Role.ADMIN, 'message.updated', payload);
    } else if (fresh?.unsentAt) {
      await this.deleteMessageMedia(fresh.id);
    }
  }
}
