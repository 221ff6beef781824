import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  IDEMPOTENCY_KEY_PATTERN,
  MessagePlatform,
  MessagingErrorCode,
  ReplyPolicyResponse,
  Role,
  SendMessageResponse,
  QuickReplyInput,
  validateAttachments,
  validateOutboundText,
  validateQuickReplies,
} from '@ticklegram/domain-models';
import { isMetaGraphError, SendValidationError } from '@ticklegram/meta-graph';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { Caller } from '../inbox/conversation-access.policy';
import { AssignmentService } from '../assignment/assignment.service';
import { InboxGateway } from '../inbox/inbox.gateway';
import { ConversationNotFoundException } from '../inbox/inbox.exception';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { MessageEntity, StoredAttachment } from '../inbox/entities/message.entity';
import { previewOf, toMessageDto } from '../inbox/inbox.mapper';
import { SendMessageRequestDto } from './dto/send-message.request.dto';
import { UploadEntity } from './entities/upload.entity';
import { MessagingException } from './messaging.exception';
import { OutboundContent, OutboundGraphSender } from './outbound-graph.sender';
import { ReplyPolicyService } from './reply-policy.service';
import { isDuplicateKeyError } from '../../database/database-errors';
import { OutboundMessageRepository } from '../inbox/repositories/outbound-message.repository';
import { UploadsService } from './uploads.service';
import { TemplateSendContext, TemplateSendingService, TemplateSendPlan } from '../templates/template-sending.service';

/** Graph error kinds that say something about the channel's health (token, permissions, Meta blocks). */
const CHANNEL_HEALTH_KINDS = new Set(['reauth_required', 'permission', 'temporarily_blocked']);

/** Shown on a send Meta never answered (timeout, lost connection, 5xx). */
export const UNCONFIRMED_REASON =
  'Meta did not confirm this message, so it may or may not have reached the customer. We are checking with Meta; it can be sent again only if Meta does not have it.';
const UNCONFIRMED_RETRY_REASON =
  'We are still checking with Meta whether this message reached the customer. Sending it again now could deliver it twice; it becomes retryable if Meta does not have it.';

/** Stored on the message alongside the attachments so a retry can rebuild the same Send API call. */
interface OutboundAttachmentRef extends StoredAttachment {
  uploadId?: string;
}

/**
 * The outbound pipeline: validate → reply policy (never sends when blocked) → store `pending` with the
 * client's idempotency key → `message.created` → Send API with the policy's messaging_type/tag and the
 * key as `metadata` (the echo webhook matches it) → `sent` with Meta's mid, or `failed` with the Graph
 * error in plain words → `message.updated`.
 */
@Injectable()
export class SendMessageService {
  private readonly logger = new Logger(SendMessageService.name);

  constructor(
    private readonly conversations: ScopedConversationRepository,
    private readonly messages: OutboundMessageRepository,
    private readonly policies: ReplyPolicyService,
    private readonly sender: OutboundGraphSender,
    private readonly uploads: UploadsService,
    private readonly channels: ChannelsService,
    private readonly events: InboxGateway,
    private readonly assignment: AssignmentService,
    private readonly templates: TemplateSendingService,
  ) {}

  async replyPolicy(caller: Caller, conversationId: string): Promise<ReplyPolicyResponse> {
    const conversation = await this.visible(caller, conversationId);
    const contact = await this.conversations.contactOf(conversation);
    return (await this.policies.evaluate(conversation, contact, 'human', Date.now(), caller.role)).policy;
  }

  async send(
    caller: Caller,
    conversationId: string,
    idempotencyKey: string | undefined,
    body: SendMessageRequestDto,
    apiBaseUrl: string,
  ): Promise<SendMessageResponse> {
    const key = idempotencyKey?.trim();
    if (!key || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new MessagingException(
        MessagingErrorCode.MESSAGING_IDEMPOTENCY_KEY_INVALID,
        'Send an Idempotency-Key header: 8–64 letters, digits, "-", "_", ":" or "." (a uuid fits).',
      );
    }
    const conversation = await this.visible(caller, conversationId);

    // a retried request: answer with what the first one produced, never send twice
    const earlier = await this.messages.findByClientKey(conversation.id, key);
    if (earlier) return { message: toMessageDto(earlier), replayed: true };

    const uploads = await this.validateContent(caller, conversation.platform, body);
    if (body.replyToMid && !(await this.messages.findByMid(conversation.id, body.replyToMid))) {
      throw new RequestValidationException([{ field: 'replyToMid', messages: ['replyToMid is not a message of this conversation.'] }]);
    }
    await this.checkStaleView(conversation, body);
    const contact = await this.conversations.contactOf(conversation);
    const { policy, channel } = await this.policies.evaluate(conversation, contact);
    let plan: TemplateSendPlan | null = null;
    if (body.template) {
      // a utility template may go out whenever the conversation is not blocked (inside or outside the window)
      if (policy.mode === 'blocked') throw new MessagingException(MessagingErrorCode.MESSAGING_REPLY_BLOCKED, policy.reason);
      plan = await this.templates.plan(body.template, this.templateContext(conversation, policy));
    } else {
      this.assertSendable(policy);
    }

    const messageId = randomUUID();
    await this.claimIfUnassigned(caller, conversation);

    const attachments: OutboundAttachmentRef[] = [];
    for (const [index, u] of uploads.entries()) {
      const storedFile = await this.uploads.copyForMessage(u, messageId, index);
      attachments.push({ type: u.kind, rawType: u.kind, payload: null, uploadId: u.id, contentType: u.mimeType, title: u.fileName, storedFile });
    }
    const message = this.messages.create({
      id: messageId,
      conversationId: conversation.id,
      channelId: conversation.channelId,
      platform: conversation.platform,
      mid: null,
      direction: 'outbound',
      status: 'pending',
      source: 'agent',
      kind: 'message',
      senderUserId: caller.id,
      clientKey: key,
      text: plan ? plan.text : (body.text ?? null),
      attachments: attachments.length ? attachments : null,
      replyToMid: body.replyToMid ?? null,
      quickReplyPayload: null,
      metadata: plan
        ? JSON.stringify({ template: { id: plan.templateId, name: plan.name, language: plan.language } }).slice(0, 1000)
        : body.quickReplies?.length
          ? JSON.stringify({ quickReplies: body.quickReplies }).slice(0, 1000)
          : null,
      sentAt: new Date(),
    });
    try {
      await this.messages.insert(message);
    } catch (error) {
      await this.uploads.discardMessageCopies(attachments.map((a) => a.storedFile).filter((f): f is string => !!f));
      if (!isDuplicateKeyError(error)) throw error;
      // a concurrent request with the same key won the insert: answer with its message
      const winner = await this.messages.findByClientKey(conversation.id, key);
      if (!winner) throw new MessagingException(MessagingErrorCode.MESSAGING_DUPLICATE_IN_FLIGHT, 'This message is already being sent.');
      return { message: toMessageDto(winner), replayed: true };
    }
    if (plan) await this.templates.recordSend(message.id, plan);
    await this.touchConversation(conversation, message);
    this.events.message(conversation, message, 'message.created');

    const result = await this.deliver(conversation, channel, message, policy, uploads, body.quickReplies ?? [], apiBaseUrl, plan);
    return { message: toMessageDto(result), replayed: false };
  }

  async retry(caller: Caller, conversationId: string, messageId: string, apiBaseUrl: string): Promise<SendMessageResponse> {
    const conversation = await this.visible(caller, conversationId);
    const message = await this.messages.findInConversation(conversation.id, messageId);
    if (!message) throw new MessagingException(MessagingErrorCode.MESSAGING_MESSAGE_NOT_FOUND, 'This message does not exist in this conversation.');
    if (message.direction === 'outbound' && message.source === 'agent' && message.status === 'unknown') {
      throw new MessagingException(MessagingErrorCode.MESSAGING_SEND_UNCONFIRMED, UNCONFIRMED_RETRY_REASON);
    }
    if (message.direction !== 'outbound' || message.source !== 'agent' || message.status !== 'failed') {
      throw new MessagingException(MessagingErrorCode.MESSAGING_NOT_RETRYABLE, 'Only messages that failed to send can be retried.');
    }
    if (message.mid) {
      // Meta has it (its echo told us after we had given up waiting): never send it a second time
      const { message: sent } = await this.messages.markSent(message, message.mid);
      this.events.message(conversation, sent, 'message.updated');
      return { message: toMessageDto(sent), replayed: true };
    }
    const contact = await this.conversations.contactOf(conversation);
    const { policy, channel } = await this.policies.evaluate(conversation, contact);
    const plan = policy.mode === 'blocked' ? null : await this.templates.planForRetry(message.id, this.templateContext(conversation, policy));
    if (!plan) this.assertSendable(policy);
    if (!(await this.messages.claimRetry(message.id))) {
      throw new MessagingException(MessagingErrorCode.MESSAGING_NOT_RETRYABLE, 'This message is already being retried.');
    }
    const pending = Object.assign(message, { status: 'pending' as const, errorCode: null, errorMessage: null });
    this.events.message(conversation, pending, 'message.updated');
    const refs = (message.attachments ?? []) as OutboundAttachmentRef[];
    // the message already belongs to a conversation the caller may see: its uploads go with it, whoever uploaded them
    const uploads = await this.uploads.findByIds(refs.map((a) => a.uploadId).filter((id): id is string => !!id));
    const quickReplies = parseQuickReplies(message.metadata);
    const result = await this.deliver(conversation, channel, pending, policy, uploads, quickReplies, apiBaseUrl, plan);
    return { message: toMessageDto(result), replayed: false };
  }

  private templateContext(conversation: ConversationEntity, policy: ReplyPolicyResponse): TemplateSendContext {
    return { channelId: conversation.channelId, platform: conversation.platform, policyMode: policy.mode };
  }

  /**
   * An agent answering an unassigned conversation takes it, so a teammate cannot answer the same customer
   * in parallel. If someone else took it a moment ago, this agent no longer sees it (404, nothing sent).
   */
  private async claimIfUnassigned(caller: Caller, conversation: ConversationEntity): Promise<void> {
    if (caller.role !== Role.AGENT || conversation.assigneeId !== null) return;
    if (await this.conversations.compareAndSetAssignee(conversation.id, null, caller.id)) {
      conversation.assigneeId = caller.id;
      await this.assignment.afterAssignment(conversation, null, caller.id);
      return;
    }
    const current = await this.conversations.findVisible(caller, conversation.id);
    if (!current) throw new ConversationNotFoundException();
    conversation.assigneeId = current.assigneeId;
  }

  private async deliver(
    conversation: ConversationEntity,
    channel: ChannelRef | null,
    message: MessageEntity,
    policy: ReplyPolicyResponse,
    uploads: UploadEntity[],
    quickReplies: QuickReplyInput[],
    apiBaseUrl: string,
    plan: TemplateSendPlan | null = null,
  ): Promise<MessageEntity> {
    let updated: MessageEntity;
    try {
      if (!channel) throw new Error('channel missing');
      const content: OutboundContent = {
        text: message.text,
        attachments: uploads.map((u) => ({ kind: u.kind, url: this.uploads.signedUrl(u, apiBaseUrl) })),
        quickReplies,
        replyToMid: message.replyToMid,
        clientKey: message.clientKey as string,
        template: plan?.wire ?? null,
      };
      const response = await this.sender.send(channel, conversation.customerExternalId, content, policy);
      if (!response.message_id) throw new Error('Meta answered without a message id');
      const { message: sent, removedEcho } = await this.messages.markSent(message, response.message_id);
      if (removedEcho) {
        this.logger.warn({ messageId: sent.id, mid: response.message_id }, 'an unmatched echo of our send was merged into it');
        this.events.messagesChanged(conversation.id);
      }
      updated = sent;
    } catch (error) {
      const { code, reason } = this.describeFailure(error);
      if (isMetaGraphError(error) && CHANNEL_HEALTH_KINDS.has(error.kind))
        await this.channels.recordGraphError(conversation.channelId, error).catch(() => undefined);
      if (isMetaGraphError(error) && error.outcomeUnknown) {
        // Meta may have delivered it: reconciliation finds out before anyone may send it again
        this.logger.warn({ messageId: message.id, code, networkCode: error.networkCode, httpStatus: error.httpStatus }, 'send outcome unknown');
        updated = await this.messages.markUnknown(
          message,
          code ?? error.networkCode ?? (error.httpStatus ? String(error.httpStatus) : null),
          UNCONFIRMED_REASON,
        );
      } else {
        this.logger.warn({ messageId: message.id, code, kind: isMetaGraphError(error) ? error.kind : 'local' }, 'send failed');
        updated = await this.messages.markFailed(message, code, reason);
      }
    }
    this.events.message(conversation, updated, 'message.updated');
    return updated;
  }

  private describeFailure(error: unknown): { code: string | null; reason: string } {
    if (isMetaGraphError(error)) {
      const code = error.code === undefined ? null : error.subcode ? `${error.code}/${error.subcode}` : String(error.code);
      return { code, reason: error.userMessage };
    }
    if (error instanceof SendValidationError) return { code: 'INVALID_MESSAGE', reason: `Meta would reject this message: ${error.problems.join('; ')}.` };
    return { code: null, reason: 'Meta could not be reached or answered unexpectedly. Try again in a moment.' };
  }

  private assertSendable(policy: ReplyPolicyResponse): void {
    if (policy.mode === 'blocked') throw new MessagingException(MessagingErrorCode.MESSAGING_REPLY_BLOCKED, policy.reason);
    if (policy.mode === 'template_required') throw new MessagingException(MessagingErrorCode.MESSAGING_TEMPLATE_REQUIRED, policy.reason);
  }

  private async visible(caller: Caller, conversationId: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findVisible(caller, conversationId);
    if (!conversation) throw new ConversationNotFoundException();
    return conversation;
  }

  /** The engine's limits for the platform, as field errors (400). */
  private async validateContent(caller: Caller, platform: MessagePlatform, body: SendMessageRequestDto): Promise<UploadEntity[]> {
    const errors: { field: string; messages: string[] }[] = [];
    if (body.template) {
      if (platform !== MessagePlatform.FACEBOOK)
        errors.push({ field: 'template', messages: ['Utility templates exist only on Messenger; Instagram has no template messages.'] });
      if (body.text !== undefined || body.attachments?.length || body.quickReplies?.length || body.replyToMid) {
        errors.push({ field: 'template', messages: ['A template goes out on its own: send it without text, attachments, quick replies or a quoted message.'] });
      }
      if (errors.length) throw new RequestValidationException(errors);
      return [];
    }
    if (body.text !== undefined) {
      const verdict = validateOutboundText(platform, body.text);
      if (!verdict.ok) errors.push({ field: 'text', messages: [verdict.reason] });
    }
    if (body.text !== undefined && body.attachments?.length) {
      errors.push({
        field: 'attachments',
        messages: ['Text and attachments go out as separate messages on Instagram and Messenger. Send the text first, then the files.'],
      });
    }
    if (body.quickReplies?.length && body.text === undefined) errors.push({ field: 'quickReplies', messages: ['Quick replies need a text to go with them.'] });
    if (body.quickReplies?.length) {
      const quick = validateQuickReplies(platform, body.quickReplies);
      if (!quick.ok) errors.push({ field: 'quickReplies', messages: [quick.reason] });
    }
    if (errors.length) throw new RequestValidationException(errors);
    const uploads = await this.uploads.findUsable(caller, body.attachments ?? []);
    const mismatched = uploads.find((u) => u.platform !== platform);
    if (mismatched)
      throw new RequestValidationException([
        { field: 'attachments', messages: [`${mismatched.fileName} was checked for the other platform. Upload it again here.`] },
      ]);
    const verdict = validateAttachments(
      platform,
      uploads.map((u) => ({ mimeType: u.mimeType, sizeBytes: u.sizeBytes })),
    );
    if (!verdict.ok) throw new RequestValidationException([{ field: 'attachments', messages: [verdict.reason] }]);
    return uploads;
  }

  /** The composer saw message X; customer messages newer than X mean the agent is answering blind. */
  private async checkStaleView(conversation: ConversationEntity, body: SendMessageRequestDto): Promise<void> {
    if (!body.lastSeenMessageId || body.confirmStale) return;
    const seen = await this.messages.findInConversation(conversation.id, body.lastSeenMessageId);
    if (!seen) throw new RequestValidationException([{ field: 'lastSeenMessageId', messages: ['lastSeenMessageId is not a message of this conversation.'] }]);
    const newer = await this.messages.countInboundAfter(conversation.id, seen.sentAt);
    if (newer > 0) {
      throw new MessagingException(
        MessagingErrorCode.MESSAGING_STALE_VIEW,
        newer === 1
          ? 'The customer sent a new message since you last looked. Read it, then send again or confirm.'
          : `The customer sent ${newer} new messages since you last looked. Read them, then send again or confirm.`,
        HttpStatus.CONFLICT,
      );
    }
  }

  private async touchConversation(conversation: ConversationEntity, message: MessageEntity): Promise<void> {
    await this.conversations.recordLastMessage(conversation.id, {
      lastMessageAt: message.sentAt,
      lastMessagePreview: previewOf(message).slice(0, 255) || null,
      lastMessageDirection: 'outbound',
    });
    // answering means the agent has read the thread
    await this.conversations.update(conversation.id, { unreadCount: 0 });
    const fresh = (await this.conversations.findById(conversation.id)) ?? conversation;
    const contact = await this.conversations.contactOf(fresh);
    this.events.conversationUpdated(fresh, contact);
  }
}

function parseQuickReplies(metadata: string | null): QuickReplyInput[] {
  if (!metadata) return [];
  try {
    const parsed = JSON.parse(metadata) as { quickReplies?: QuickReplyInput[] };
    return Array.isArray(parsed.quickReplies) ? parsed.quickReplies : [];
  } catch {
    return [];
  }
}
