import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How many webhook entries a channel received in one minute (epoch minutes); rows older than two hours are pruned. */
@Entity({ name: 'channel_webhook_minutes' })
@Index('idx_channel_webhook_minutes_minute', ['minute'])
export class ChannelWebhookMinuteEntity {
  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @PrimaryColumn({ type: 'int' })
  minute!: number;

  @Column({ type: 'int' })
  count!: number;
}
