import { InsightSyncState } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

export const INSIGHT_SYNC_STATES: readonly InsightSyncState[] = ['idle', 'running', 'failed'];

/**
 * Where one Instagram account's insights sync stands. The row is also the lock: a sync claims it with
 * a conditional update (state not running, or its lease expired), so two replicas never sync one account.
 */
@Entity({ name: 'insight_sync_states' })
export class InsightSyncStateEntity {
  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: INSIGHT_SYNC_STATES as InsightSyncState[], default: 'idle' })
  state!: InsightSyncState;

  @Column({ type: 'varchar', length: 24, nullable: true })
  phase!: string | null;

  @Column({ name: 'progress_done', type: 'int', default: 0 })
  progressDone!: number;

  @Column({ name: 'progress_total', type: 'int', default: 0 })
  progressTotal!: number;

  @TimestampColumn({ name: 'started_at', nullable: true })
  startedAt!: Date | null;

  /** A running sync that passed this moment crashed; another may take over. */
  @TimestampColumn({ name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @TimestampColumn({ name: 'last_synced_at', nullable: true })
  lastSyncedAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** Last day (`YYYY-MM-DD`) of account metrics fetched; the next sync re-reads the two days before it (Meta is up to 48 h late). */
  @Column({ name: 'account_synced_through', type: 'varchar', length: 10, nullable: true })
  accountSyncedThrough!: string | null;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
