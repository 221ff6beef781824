import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { FacebookPageEntity } from './facebook-page.entity';
import { CustomerProfileBaseEntity } from '../../channels/entities/customer-profile-base.entity';

/** A Messenger customer (PSID, scoped to one Page). */
@Entity({ name: 'facebook_users' })
@Unique('uq_facebook_users_channel_psid', ['channelId', 'psid'])
export class FacebookUserEntity extends CustomerProfileBaseEntity {
  @Column({ type: 'varchar', length: 32 })
  psid!: string;

  @ManyToOne(() => FacebookPageEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_facebook_users_channel' })
  channel?: FacebookPageEntity;
}
