import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

/** A customer as one channel knows them (PSID / IGSID), with platform-neutral display info. */
@Entity({ name: 'contacts' })
@Unique('uq_contacts_channel_external', ['channelId', 'externalId'])
export class ContactEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  /** PSID (Messenger) or IGSID (Instagram). */
  @Column({ name: 'external_id', type: 'varchar', length: 64 })
  externalId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 160 })
  displayName!: string;

  @Column({ type: 'varchar', length: 160, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ name: 'profile_pic_url', type: 'varchar', length: 1024, nullable: true })
  profilePicUrl!: string | null;

  @TimestampColumn({ name: 'profile_fetched_at', nullable: true })
  profileFetchedAt!: Date | null;
}
