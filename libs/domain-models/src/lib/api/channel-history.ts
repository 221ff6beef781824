/** Where a channel's conversation history import stands (Conversations API, on connect and at first sandbox start). */
export type ChannelHistoryImportStatus = 'pending' | 'running' | 'done' | 'failed';

/** Why a gap recovery ran: an admin's "Recover now", the api starting, the periodic check, or a dropped subscription. */
export type ChannelRecoveryTrigger = 'manual' | 'boot' | 'periodic' | 'subscription';

export interface ChannelRecoveryDto {
  trigger: ChannelRecoveryTrigger;
  /** Messages were fetched from this time on. */
  since: string;
  at: string;
  /** Messages that were missing and are now stored (each exactly once). */
  messagesRecovered: number;
  conversations: number;
  /** The app's webhook subscription was missing and was restored. */
  resubscribed: boolean;
  /** Meta's error in plain words when the recovery failed. */
  error: string | null;
}

/** `GET /api/channels/history` (admins): history import progress and the last gap recovery of each channel. */
export interface ChannelHistoryDto {
  channelId: string;
  importStatus: ChannelHistoryImportStatus;
  /** The import reads messages from this time on (`HISTORY_IMPORT_DAYS`). */
  importSince: string | null;
  conversationsDone: number;
  messagesImported: number;
  importStartedAt: string | null;
  importFinishedAt: string | null;
  importError: string | null;
  /** A recovery is running now. */
  recovering: boolean;
  lastRecovery: ChannelRecoveryDto | null;
}

/** Realtime payload of `channel.history_updated` (to admins). */
export interface ChannelHistoryUpdatedEvent {
  history: ChannelHistoryDto;
}
