import { ChannelConnection, MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import type { ChannelIdentity } from '../../channels/channel-identity';
import { ChannelBaseEntity } from '../../channels/entities/channel-base.entity';

/**
 * An Instagram professional account. One row per IG account id whichever way it was connected
 * (via a Facebook Page, or with Instagram Login): the latest connection's token is the one used.
 * With `facebook_login` the stored token is the linked Page's token.
 */
@Entity({ name: 'instagram_accounts' })
@Unique('uq_instagram_accounts_ig_user_id', ['igUserId'])
@Index('idx_instagram_accounts_linked_page', ['linkedPageId'])
export class InstagramAccountEntity extends ChannelBaseEntity {
  /** The IG professional account id used in webhooks (`entry[].id`). */
  @Column({ name: 'ig_user_id', type: 'varchar', length: 32 })
  igUserId!: string;

  /** Instagram Login only: the app-scoped id `GET /me` returns as `id`. */
  @Column({ name: 'app_scoped_id', type: 'varchar', length: 32, nullable: true })
  appScopedId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ type: 'simple-enum', enum: ['facebook_login', 'instagram_login'] })
  connection!: ChannelConnection;

  @Column({ name: 'linked_page_id', type: 'varchar', length: 32, nullable: true })
  linkedPageId!: string | null;

  identity(): ChannelIdentity {
    return {
      platform: MessagePlatform.INSTAGRAM,
      externalId: this.igUserId,
      username: this.username,
      connection: this.connection,
      linkedPageExternalId: this.linkedPageId,
      kind: 'instagram_account',
    };
  }
}
