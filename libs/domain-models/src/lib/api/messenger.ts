/** A customer's Messenger opt-in as the contact panel shows it (the notification token is never returned). */
export interface MessengerOptinDto {
  id: string;
  /** Meta's `optin.type` (`notification_messages` for marketing messages) or `send_to_messenger` for a plugin opt-in. */
  kind: string;
  /** What the customer subscribed to: the title, else the payload or ref ('' when Meta named none). */
  topic: string;
  /** `stopped`: the customer turned these messages off (Meta may send a resume later). */
  status: 'active' | 'stopped';
  optedInAt: string;
  /** The last opt-in, stop or resume applied. */
  updatedAt: string;
  /** When the marketing-messages token expires (the customer must opt in again after it). */
  tokenExpiresAt: string | null;
  timezone: string | null;
}

/** `GET /api/conversations/:id/optins`: the customer's opt-ins on that conversation's Page (empty for Instagram). */
export interface ConversationOptinsResponse {
  items: MessengerOptinDto[];
}

/** `optin.updated`: a customer's opt-ins changed; to those who may see each of their conversations. */
export interface OptinsUpdatedEvent extends ConversationOptinsResponse {
  conversationId: string;
}
