import { randomUUID } from 'node:crypto';
import { BeforeInsert, BeforeUpdate, Column } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { UuidPrimaryColumn } from '../../../database/uuid-primary.column';

/** A customer's public profile as Meta returned it, cached per channel. */
export abstract class CustomerProfileBaseEntity {
  @UuidPrimaryColumn()
  id!: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ name: 'profile_pic_url', type: 'varchar', length: 2048, nullable: true })
  profilePicUrl!: string | null;

  /** When Meta last answered for this profile; refreshed after 24 h. */
  @TimestampColumn({ name: 'fetched_at', nullable: true })
  fetchedAt!: Date | null;

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
