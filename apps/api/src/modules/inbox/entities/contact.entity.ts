import { MessagePlatform } from '@ticklegram/domain-models';
import { BeforeInsert, BeforeUpdate, Column, Entity, Unique } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { TimestampColumn } from '../../../database/timestamp.column';
import { UuidPrimaryColumn } from '../../../database/uuid-primary.column';

/** A customer as one channel knows them (PSID / IGSID), with platform-neutral display info. */
@Entity({ name: 'contacts' })
@Unique('uq_contacts_channel_external', ['channelId', 'externalId'])
export class ContactEntity {
  @UuidPrimaryColumn()
  id!: string;

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

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @BeforeInsert()
  protected stampCreated(): void {
    this.id ??= randomUUID();
    const now = new Date();
    this.createdAt ??= now;
    this.updatedAt ??= now;
  }

  @BeforeUpdate()
  protected stampUpdated(): void {
    this.updatedAt = new Date();
  }
}
