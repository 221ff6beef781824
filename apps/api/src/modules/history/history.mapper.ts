import { ChannelHistoryDto } from '@ticklegram/domain-models';
import { ChannelHistoryEntity } from './entities/channel-history.entity';

export function toHistoryDto(row: ChannelHistoryEntity, recovering: boolean): ChannelHistoryDto {
  return {
    channelId: row.channelId,
    importStatus: row.importStatus,
    importSince: row.importSince?.toISOString() ?? null,
    conversationsDone: row.conversationsDone,
    messagesImported: row.messagesImported,
    importStartedAt: row.importStartedAt?.toISOString() ?? null,
    importFinishedAt: row.importFinishedAt?.toISOString() ?? null,
    importError: row.importError,
    recovering,
    lastRecovery:
      row.recoveryAt && row.recoveryTrigger && row.recoverySince
        ? {
            trigger: row.recoveryTrigger,
            since: row.recoverySince.toISOString(),
            at: row.recoveryAt.toISOString(),
            messagesRecovered: row.recoveryAdded,
            conversations: row.recoveryConversations,
            resubscribed: row.recoveryResubscribed,
            error: row.recoveryError,
          }
        : null,
  };
}
