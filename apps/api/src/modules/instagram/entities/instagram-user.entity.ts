import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { InstagramAccountEntity } from './instagram-account.entity';
import { CustomerProfileBaseEntity } from '../../channels/entities/customer-profile-base.entity';

/** An Instagram customer (IGSID, scoped to one IG account). */
@Entity({ name: 'instagram_users' })
@Unique('uq_instagram_users_channel_igsid', ['channelId', 'igsid'])
export class InstagramUserEntity extends CustomerProfileBaseEntity {
  @Column({ type: 'varchar', length: 32 })
  igsid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @ManyToOne(() => InstagramAccountEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_instagram_users_channel' })
  channel?: InstagramAccountEntity;
}
