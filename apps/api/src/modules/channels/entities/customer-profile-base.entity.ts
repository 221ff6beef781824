import { Column } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

/** A customer's public profile as Meta returned it, cached per channel. */
export abstract class CustomerProfileBaseEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ name: 'profile_pic_url', type: 'varchar', length: 2048, nullable: true })
  profilePicUrl!: string | null;

  /** When Meta last answered for this profile; refreshed after 24 h. */
  @TimestampColumn({ name: 'fetched_at', nullable: true })
  fetchedAt!: Date | null;
}
