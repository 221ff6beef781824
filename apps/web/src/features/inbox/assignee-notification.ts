import type { ConversationDto, MessageEventPayload } from '@ticklegram/domain-models';

/** Whether the conversation is open in this tab right now (the open conversation is the route). */
function isOnScreen(conversationId: string): boolean {
  return document.visibilityState === 'visible' && window.location.pathname === `/inbox/${conversationId}`;
}

/**
 * A desktop notification for a new customer message in a conversation assigned to the current user,
 * unless it is already on screen or the user has not allowed notifications.
 */
export function notifyAssignee(payload: MessageEventPayload, conversation: ConversationDto | undefined, userId: string | null): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (payload.message.direction !== 'inbound' || !conversation || !userId || conversation.assigneeId !== userId) return;
  if (isOnScreen(payload.conversationId)) return;
  const notification = new Notification(conversation.contact.displayName, {
    body: payload.message.text ?? 'Sent an attachment',
    tag: `conversation:${payload.conversationId}`,
  });
  notification.onclick = () => {
    window.focus();
    window.location.assign(`/inbox/${payload.conversationId}`);
  };
}
