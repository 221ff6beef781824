import { ChannelHistoryImportStatus, ChannelRecoveryTrigger } from '@ticklegram/domain-models';
import { Column, Entity, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';
import { TimestampColumn } from '../../../database/timestamp.column';

export const IMPORT_STATUSES: ChannelHistoryImportStatus[] = ['pending', 'running', 'done', 'failed'];
export const RECOVERY_TRIGGERS: ChannelRecoveryTrigger[] = ['manual', 'boot', 'periodic', 'subscription'];

/**
 * A channel's history state: the import's progress and resume point (the Conversations API cursor of
 * the next page of conversations), who runs it now (`lease_until`, so one replica works on a channel),
 * how far the inbox is known complete (`synced_until`) and the last gap recovery.
 */
@Entity({ name: 'channel_history' })
@Unique('uq_channel_history_channel', ['channelId'])
export class ChannelHistoryEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ name: 'import_status', type: 'simple-enum', enum: IMPORT_STATUSES })
  importStatus!: ChannelHistoryImportStatus;

  @TimestampColumn({ name: 'import_since', nullable: true })
  importSince!: Date | null;

  /** `after` cursor of the next page of conversations; null: start from the newest. */
  @Column({ name: 'import_cursor', type: 'varchar', length: 1024, nullable: true })
  importCursor!: string | null;

  /** Conversations of the page at `import_cursor` already merged (a resumed import skips them). */
  @Column({ name: 'import_page_offset', type: 'int', default: 0 })
  importPageOffset!: number;

  @Column({ name: 'conversations_done', type: 'int', default: 0 })
  conversationsDone!: number;

  @Column({ name: 'messages_imported', type: 'int', default: 0 })
  messagesImported!: number;

  @TimestampColumn({ name: 'import_started_at', nullable: true })
  importStartedAt!: Date | null;

  @TimestampColumn({ name: 'import_finished_at', nullable: true })
  importFinishedAt!: Date | null;

  @Column({ name: 'import_error', type: 'varchar', length: 500, nullable: true })
  importError!: string | null;

  /** A worker holds the channel until then (renewed as it goes); a crashed one's lease simply runs out. */
  @TimestampColumn({ name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  /** Every message up to here is known to be stored (import finished, or the last recovery's start). */
  @TimestampColumn({ name: 'synced_until', nullable: true })
  syncedUntil!: Date | null;

  @Column({ name: 'recovery_trigger', type: 'simple-enum', enum: RECOVERY_TRIGGERS, nullable: true })
  recoveryTrigger!: ChannelRecoveryTrigger | null;

  @TimestampColumn({ name: 'recovery_since', nullable: true })
  recoverySince!: Date | null;

  @TimestampColumn({ name: 'recovery_at', nullable: true })
  recoveryAt!: Date | null;

  @Column({ name: 'recovery_added', type: 'int', default: 0 })
  recoveryAdded!: number;

  @Column({ name: 'recovery_conversations', type: 'int', default: 0 })
  recoveryConversations!: number;

  @Column({ name: 'recovery_resubscribed', type: 'boolean', default: false })
  recoveryResubscribed!: boolean;

  @Column({ name: 'recovery_error', type: 'varchar', length: 500, nullable: true })
  recoveryError!: string | null;
}
