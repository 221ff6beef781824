import { MessagePlatform, validateQuickReplies } from '@ticklegram/domain-models';
import { GraphHttpClient, GraphHost } from '../core/graph-http.client';
import { RateClass } from '../core/account-rate-limiter';
import { GraphAuth } from './graph-auth';

/**
 * Send API for Messenger and Instagram (reference §4). One client covers:
 * - Messenger: `POST graph.facebook.com/<ver>/<PAGE_ID>/messages` with a Page token
 * - Instagram via Messenger Platform: the same endpoint on the linked Page, IGSID recipients
 * - Instagram Login: `POST graph.instagram.com/<ver>/<IG_ID>/messages` with an IG user token
 */

export type MessagingPlatform = 'messenger' | 'instagram';

export type SendRecipient = { id: string } | { comment_id: string } | { post_id: string } | { user_ref: string };

/** `RESPONSE` inside 24 h, `UPDATE` proactive inside 24 h, `MESSAGE_TAG` with `tag`, `UTILITY` for utility templates. */
export type MessagingType = 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG' | 'UTILITY';

/**
 * Only HUMAN_AGENT remains for 1:1 replies outside the window; CONFIRMED_EVENT_UPDATE,
 * POST_PURCHASE_UPDATE and ACCOUNT_UPDATE return error 100 since 2026-04-27 (reference §4.2).
 */
export type MessageTag = 'HUMAN_AGENT';

export type AttachmentType = 'image' | 'video' | 'audio' | 'file';

export type AttachmentSource = { url: string; isReusable?: boolean } | { attachmentId: string };

export interface QuickReply {
  content_type: 'text' | 'user_phone_number' | 'user_email';
  title?: string;
  payload?: string;
  image_url?: string;
}

export interface WireAttachment {
  type: AttachmentType | 'template' | 'like_heart' | 'MEDIA_SHARE';
  payload?: Record<string, unknown>;
}

export interface OutboundMessage {
  text?: string;
  attachment?: WireAttachment;
  attachments?: WireAttachment[];
  quick_replies?: QuickReply[];
  metadata?: string;
  template?: UtilityTemplateMessage;
}

export interface UtilityTemplateParameter {
  type: 'text';
  text: string;
  /** For templates created with named parameters. */
  parameter_name?: string;
}

export type UtilityTemplateButtonParameter = { type: 'POSTBACK'; payload: string } | { type: 'URL'; url: string };

export type UtilityTemplateComponent =
  | { type: 'header' | 'body'; parameters: UtilityTemplateParameter[] }
  | { type: 'buttons'; parameters: UtilityTemplateButtonParameter[] };

export interface UtilityTemplateMessage {
  name: string;
  language: { code: string };
  components?: UtilityTemplateComponent[];
}

export type SenderAction = 'typing_on' | 'typing_off' | 'mark_seen';

/** Where the message goes out from. */
export interface SendTarget {
  auth: GraphAuth;
  /** Page id (Messenger, or Instagram via the linked Page), IG account id (Instagram Login), or "me". */
  senderId: string;
  platform: MessagingPlatform;
}

export interface SendOptions {
  messagingType?: MessagingType;
  tag?: MessageTag;
  /** Reply to a specific message (top-level `reply_to.mid`). */
  replyToMid?: string;
  notificationType?: 'REGULAR' | 'SILENT_PUSH' | 'NO_PUSH';
}

export interface SendMessageRequest extends SendOptions {
  recipient: SendRecipient;
  message: OutboundMessage;
}

export interface SendMessageResponse {
  recipient_id?: string;
  message_id?: string;
  /** Present when an attachment was saved for reuse. */
  attachment_id?: string;
}

export interface UploadAttachmentRequest {
  type: AttachmentType;
  url: string;
  /** Instagram uploads must say so (`platform: "instagram"`). */
  platform: MessagingPlatform;
}

export interface UploadAttachmentResponse {
  attachment_id: string;
}

function attachmentPayload(source: AttachmentSource): Record<string, unknown> {
  if ('attachmentId' in source) return { attachment_id: source.attachmentId };
  return source.isReusable === undefined ? { url: source.url } : { url: source.url, is_reusable: source.isReusable };
}

function rateClassFor(message: OutboundMessage): RateClass {
  const types = [message.attachment?.type, ...(message.attachments ?? []).map((a) => a.type)];
  return types.some((t) => t === 'audio' || t === 'video') ? 'media' : 'text';
}

const IG_TEXT_MAX_BYTES = 1000;
const IG_MAX_IMAGES = 10;

export class MessagingClient {
  constructor(private readonly http: GraphHttpClient) {}

  /** Low-level send: exactly the body Meta documents. Prefer the typed helpers below. */
  async send(target: SendTarget, request: SendMessageRequest): Promise<SendMessageResponse> {
    this.validate(target, request);
    const isPrivateReply = 'comment_id' in request.recipient || 'post_id' in request.recipient;
    const body: Record<string, unknown> = {
      recipient: request.recipient,
      message: request.message,
    };
    // Private replies carry no messaging_type (they open a conversation rather than answer one).
    if (!isPrivateReply) {
      body['messaging_type'] = request.messagingType ?? (request.tag ? 'MESSAGE_TAG' : 'RESPONSE');
    }
    if (request.tag) body['tag'] = request.tag;
    if (request.replyToMid) body['reply_to'] = { mid: request.replyToMid };
    if (request.notificationType) body['notification_type'] = request.notificationType;
    return this.post(target, body, isPrivateReply ? 'private_reply' : rateClassFor(request.message));
  }

  sendText(target: SendTarget, recipientId: string, text: string, options: SendOptions = {}): Promise<SendMessageResponse> {
    return this.send(target, { recipient: { id: recipientId }, message: { text }, ...options });
  }

  /** One image/video/audio/file by public URL (optionally saved for reuse) or by a saved `attachment_id`. */
  sendAttachment(
    target: SendTarget,
    recipientId: string,
    type: AttachmentType,
    source: AttachmentSource,
    options: SendOptions = {},
  ): Promise<SendMessageResponse> {
    return this.send(target, {
      recipient: { id: recipientId },
      message: { attachment: { type, payload: attachmentPayload(source) } },
      ...options,
    });
  }

  /** Several images in one Instagram message (`attachments[]`, up to 10). */
  sendImages(target: SendTarget, recipientId: string, images: AttachmentSource[], options: SendOptions = {}): Promise<SendMessageResponse> {
    return this.send(target, {
      recipient: { id: recipientId },
      message: { attachments: images.map((source) => ({ type: 'image' as const, payload: attachmentPayload(source) })) },
      ...options,
    });
  }

  /** The Instagram heart sticker. */
  sendLikeHeart(target: SendTarget, recipientId: string, options: SendOptions = {}): Promise<SendMessageResponse> {
    return this.send(target, { recipient: { id: recipientId }, message: { attachment: { type: 'like_heart' } }, ...options });
  }

  /** Share one of the business's own posts (or an uploaded attachment) on Instagram. */
  sendMediaShare(target: SendTarget, recipientId: string, mediaId: string, options: SendOptions = {}): Promise<SendMessageResponse> {
    return this.send(target, {
      recipient: { id: recipientId },
      message: { attachment: { type: 'MEDIA_SHARE', payload: { id: mediaId } } },
      ...options,
    });
  }

  sendQuickReplies(target: SendTarget, recipientId: string, text: string, quickReplies: QuickReply[], options: SendOptions = {}): Promise<SendMessageResponse> {
    return this.send(target, { recipient: { id: recipientId }, message: { text, quick_replies: quickReplies }, ...options });
  }

  /** React to a message (`love` on Instagram; any emoji on Messenger). Response has only `recipient_id`. */
  react(target: SendTarget, recipientId: string, messageId: string, reaction = 'love'): Promise<SendMessageResponse> {
    return this.post(target, { recipient: { id: recipientId }, sender_action: 'react', payload: { message_id: messageId, reaction } }, 'text');
  }

  unreact(target: SendTarget, recipientId: string, messageId: string): Promise<SendMessageResponse> {
    return this.post(target, { recipient: { id: recipientId }, sender_action: 'unreact', payload: { message_id: messageId } }, 'text');
  }

  /** `typing_on` / `typing_off` / `mark_seen`, sent alone. */
  senderAction(target: SendTarget, recipientId: string, action: SenderAction): Promise<SendMessageResponse> {
    return this.post(target, { recipient: { id: recipientId }, sender_action: action }, 'text');
  }

  /** Private reply to a comment (Facebook or Instagram) or a Facebook post: one per comment, within 7 days. */
  sendPrivateReply(target: SendTarget, recipient: { commentId: string } | { postId: string }, message: OutboundMessage): Promise<SendMessageResponse> {
    return this.send(target, {
      recipient: 'commentId' in recipient ? { comment_id: recipient.commentId } : { post_id: recipient.postId },
      message,
    });
  }

  /**
   * An approved Messenger utility template, by name + language + parameters (never by
   * `message_creative_id`, which belonged to the Broadcast API that died in 2020).
   */
  sendUtilityTemplate(
    target: SendTarget,
    recipientId: string,
    template: { name: string; languageCode: string; components?: UtilityTemplateComponent[] },
  ): Promise<SendMessageResponse> {
    return this.send(target, {
      recipient: { id: recipientId },
      messagingType: 'UTILITY',
      message: {
        template: {
          name: template.name,
          language: { code: template.languageCode },
          ...(template.components ? { components: template.components } : {}),
        },
      },
    });
  }

  /**
   * Pre-upload an asset (`POST /<PAGE_ID>/message_attachments`). Attachment ids expire after 90 days
   * and belong to the Page that created them.
   */
  async uploadAttachment(target: SendTarget, request: UploadAttachmentRequest): Promise<UploadAttachmentResponse> {
    const body: Record<string, unknown> = {
      message: { attachment: { type: request.type, payload: { url: request.url, is_reusable: true } } },
    };
    if (request.platform === 'instagram') body['platform'] = 'instagram';
    const res = await this.http.request<UploadAttachmentResponse>({
      method: 'POST',
      host: hostOf(target.auth),
      path: `/${encodeURIComponent(target.senderId)}/message_attachments`,
      accessToken: target.auth.accessToken,
      body,
      accountKey: target.auth.accountKey ?? target.senderId,
      rateClass: request.type === 'audio' || request.type === 'video' ? 'media' : 'text',
      platform: target.platform,
    });
    return res.data;
  }

  private async post(target: SendTarget, body: Record<string, unknown>, rateClass: RateClass): Promise<SendMessageResponse> {
    const res = await this.http.request<SendMessageResponse>({
      method: 'POST',
      host: hostOf(target.auth),
      path: `/${encodeURIComponent(target.senderId)}/messages`,
      accessToken: target.auth.accessToken,
      body,
      accountKey: target.auth.accountKey ?? target.senderId,
      rateClass,
      platform: target.platform,
    });
    return res.data;
  }

  /** Catches mistakes Meta would reject anyway, before spending a call and a rate-limit slot. */
  private validate(target: SendTarget, request: SendMessageRequest): void {
    const message = request.message;
    const problems: string[] = [];
    if (request.tag && request.messagingType && request.messagingType !== 'MESSAGE_TAG') {
      problems.push('a tag requires messaging_type MESSAGE_TAG');
    }
    if (target.platform === 'instagram' && message.text !== undefined && Buffer.byteLength(message.text, 'utf8') > IG_TEXT_MAX_BYTES) {
      problems.push(`Instagram text is limited to ${IG_TEXT_MAX_BYTES} bytes (UTF-8)`);
    }
    if (message.quick_replies) {
      const platform = target.platform === 'instagram' ? MessagePlatform.INSTAGRAM : MessagePlatform.FACEBOOK;
      const verdict = validateQuickReplies(
        platform,
        message.quick_replies.map((q) => ({ contentType: q.content_type, title: q.title })),
      );
      if (!verdict.ok) problems.push(verdict.reason);
    }
    if (message.attachments && message.attachments.length > IG_MAX_IMAGES) problems.push(`at most ${IG_MAX_IMAGES} images per message`);
    if (problems.length > 0) {
      throw new SendValidationError(problems);
    }
  }
}

/** Thrown before any network call when a message breaks a documented Send API limit. */
export class SendValidationError extends Error {
  override readonly name = 'SendValidationError';
  constructor(readonly problems: string[]) {
    super(`Invalid message: ${problems.join('; ')}`);
  }
}

export function hostOf(auth: GraphAuth): GraphHost {
  return auth.host ?? 'facebook';
}
