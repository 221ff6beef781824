import {
  AttributionDto,
  ContactDto,
  ConversationDto,
  MessageAttachmentDto,
  MessageDto,
  MessagePlatform,
  MessageTemplateRefDto,
  NormalizedReferral,
  ThreadOwnerDto,
} from '@ticklegram/domain-models';
import { PAGE_INBOX_APP_IDS } from '@ticklegram/webhook-normalizer';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity, StoredAttachment } from './entities/message.entity';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** "Instagram user …4321": readable when Meta gives no name or username. */
export function placeholderName(platform: MessagePlatform, externalId: string): string {
  const label = platform === MessagePlatform.INSTAGRAM ? 'Instagram user' : 'Messenger user';
  return `${label} …${externalId.slice(-4)}`;
}

export function toAttribution(referral: NormalizedReferral, at: number | null): AttributionDto {
  return {
    kind: referral.kind,
    source: referral.source,
    ref: referral.ref ?? null,
    adId: referral.adId ?? null,
    adTitle: referral.adTitle ?? null,
    campaignId: referral.campaignId ?? null,
    adsetId: referral.adsetId ?? null,
    productId: referral.productId ?? null,
    at: new Date(at ?? Date.now()).toISOString(),
  };
}

/** Apps whose thread control we can name: the Page inbox of Meta Business Suite (reference §2, echo app ids). */
const KNOWN_APPS: Record<string, string> = Object.fromEntries(PAGE_INBOX_APP_IDS.map((id) => [id, 'Meta Business Suite inbox']));

export function toThreadOwnerDto(conversation: Pick<ConversationEntity, 'threadOwner' | 'threadOwnerAppId' | 'threadOwnerAt'>): ThreadOwnerDto {
  const appId = conversation.threadOwner === 'other_app' ? conversation.threadOwnerAppId : null;
  return { ownedBy: conversation.threadOwner, appId, appName: appId ? (KNOWN_APPS[appId] ?? null) : null, since: iso(conversation.threadOwnerAt) };
}

export function toContactDto(contact: ContactEntity): ContactDto {
  return {
    id: contact.id,
    platform: contact.platform,
    externalId: contact.externalId,
    displayName: contact.displayName,
    username: contact.username,
    profilePicUrl: contact.profilePicUrl,
  };
}

export function toConversationDto(conversation: ConversationEntity, contact: ContactEntity): ConversationDto {
  return {
    id: conversation.id,
    channelId: conversation.channelId,
    platform: conversation.platform,
    contact: toContactDto(contact),
    status: conversation.status,
    assigneeId: conversation.assigneeId,
    unreadCount: conversation.unreadCount,
    lastMessageAt: iso(conversation.lastMessageAt),
    lastMessagePreview: conversation.lastMessagePreview,
    lastMessageDirection: conversation.lastMessageDirection,
    lastCustomerMessageAt: iso(conversation.lastCustomerMessageAt),
    referral: conversation.referral,
    priority: conversation.priority,
    threadOwner: toThreadOwnerDto(conversation),
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}

function toAttachmentDto(message: MessageEntity, attachment: StoredAttachment, index: number): MessageAttachmentDto {
  return {
    type: attachment.type,
    rawType: attachment.rawType,
    url: attachment.url ?? null,
    // stored copies, and story mentions passed through from Meta while their link works
    mediaPath:
      attachment.storedFile || (attachment.type === 'story_mention' && attachment.url && !attachment.expired)
        ? `/api/media/messages/${message.id}/${index}`
        : null,
    title: attachment.title ?? null,
    stickerId: attachment.stickerId ?? null,
    mediaId: attachment.mediaId ?? null,
    expired: attachment.expired ?? false,
    payload: attachment.payload,
  };
}

export function toMessageDto(message: MessageEntity): MessageDto {
  return {
    id: message.id,
    conversationId: message.conversationId,
    mid: message.mid,
    direction: message.direction,
    status: message.status,
    source: message.source,
    kind: message.kind,
    text: message.text,
    attachments: (message.attachments ?? []).map((a, i) => toAttachmentDto(message, a, i)),
    replyToMid: message.replyToMid,
    replyToStory: message.replyToStory,
    quickReplyPayload: message.quickReplyPayload,
    postbackPayload: message.postbackPayload,
    referral: message.referral,
    reactions: message.reactions ?? [],
    editHistory: message.editHistory ?? [],
    editedAt: iso(message.editedAt),
    unsentAt: iso(message.unsentAt),
    unsupported: message.unsupported,
    template: message.direction === 'outbound' && message.source === 'agent' ? templateRefOf(message.metadata) : null,
    senderUserId: message.senderUserId,
    errorCode: message.errorCode,
    errorMessage: message.errorMessage,
    sentAt: message.sentAt.toISOString(),
    deliveredAt: iso(message.deliveredAt),
    readAt: iso(message.readAt),
    createdAt: message.createdAt.toISOString(),
  };
}

/** The outbound pipeline stores `{template: {id, name, language}}` in `metadata` for template sends. */
function templateRefOf(metadata: string | null): MessageTemplateRefDto | null {
  if (!metadata?.startsWith('{"template"')) return null;
  try {
    const ref = (JSON.parse(metadata) as { template?: Partial<MessageTemplateRefDto> }).template;
    return ref && typeof ref.id === 'string' && typeof ref.name === 'string' && typeof ref.language === 'string'
      ? { id: ref.id, name: ref.name, language: ref.language }
      : null;
  } catch {
    return null;
  }
}

/** One line for the conversation list. */
export function previewOf(message: Pick<MessageEntity, 'text' | 'attachments' | 'kind' | 'unsentAt'>): string {
  if (message.unsentAt) return 'Message unsent';
  if (message.text) return message.text.length > 250 ? `${message.text.slice(0, 249)}…` : message.text;
  const first = message.attachments?.[0];
  if (message.kind === 'story_mention' || first?.type === 'story_mention') return 'Mentioned you in their story';
  if (first) return `[${first.type.replace('_', ' ')}]`;
  return '';
}
