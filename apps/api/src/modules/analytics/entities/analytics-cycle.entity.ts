import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** One cycle of a conversation (opened → first response → resolved), recomputed from the source tables. */
@Entity({ name: 'analytics_conversation_cycles' })
// covering: the overview reads a range of cycles from these indexes alone
@Index('idx_analytics_cycles_opened_covering', ['openedAt', 'channelId', 'platform', 'assigneeId', 'frtSeconds', 'frtBusinessSeconds', 'fromAd'])
@Index('idx_analytics_cycles_resolved_covering', ['resolvedAt', 'channelId', 'platform', 'assigneeId', 'resolutionSeconds', 'resolutionBusinessSeconds'])
// the same led by the (channel, assignee) pair: a long range is grouped in index order (no sort)
@Index('idx_analytics_cycles_pair_opened', ['channelId', 'assigneeId', 'openedAt', 'platform', 'frtSeconds', 'frtBusinessSeconds', 'fromAd'])
@Index('idx_analytics_cycles_pair_resolved', ['channelId', 'assigneeId', 'resolvedAt', 'platform', 'resolutionSeconds', 'resolutionBusinessSeconds'])
@Index('idx_analytics_cycles_channel_opened', ['channelId', 'openedAt'])
@Index('idx_analytics_cycles_assignee_opened', ['assigneeId', 'openedAt'])
export class AnalyticsCycleEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @PrimaryColumn({ name: 'cycle_no', type: 'int' })
  cycleNo!: number;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @TimestampColumn({ name: 'opened_at' })
  openedAt!: Date;

  @TimestampColumn({ name: 'first_response_at', nullable: true })
  firstResponseAt!: Date | null;

  @Column({ name: 'frt_seconds', type: 'int', nullable: true })
  frtSeconds!: number | null;

  @Column({ name: 'frt_business_seconds', type: 'int', nullable: true })
  frtBusinessSeconds!: number | null;

  @TimestampColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolution_seconds', type: 'int', nullable: true })
  resolutionSeconds!: number | null;

  @Column({ name: 'resolution_business_seconds', type: 'int', nullable: true })
  resolutionBusinessSeconds!: number | null;

  @Column({ name: 'from_ad', type: 'boolean', default: false })
  fromAd!: boolean;
}
