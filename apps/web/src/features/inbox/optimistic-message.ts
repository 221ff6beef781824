import type { ConversationDto, MessageDto } from '@ticklegram/domain-models';
import { optimisticId } from './conversation-cache';

/** The pending bubble shown the moment the agent presses Enter, replaced by the api's answer. */
export function optimisticMessage(
  conversation: Pick<ConversationDto, 'id'>,
  clientKey: string,
  text: string,
  senderUserId: string | null,
  replyToMid: string | null,
  now: number,
): MessageDto {
  const at = new Date(now).toISOString();
  return {
    id: optimisticId(clientKey),
    conversationId: conversation.id,
    mid: null,
    direction: 'outbound',
    status: 'pending',
    source: 'agent',
    kind: 'message',
    text: text || null,
    attachments: [],
    replyToMid,
    replyToStory: null,
    quickReplyPayload: null,
    template: null,
    postbackPayload: null,
    referral: null,
    reactions: [],
    editHistory: [],
    editedAt: null,
    unsentAt: null,
    unsupported: false,
    senderUserId,
    errorCode: null,
    errorMessage: null,
    sentAt: at,
    deliveredAt: null,
    readAt: null,
    createdAt: at,
  };
}
