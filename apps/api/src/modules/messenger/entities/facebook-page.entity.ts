import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Unique } from 'typeorm';
import type { ChannelIdentity } from '../../channels/channel-identity';
import { ChannelBaseEntity } from '../../channels/entities/channel-base.entity';

/** A Facebook Page connected for Messenger and Page comments. Its token is a (non-expiring) Page token. */
@Entity({ name: 'facebook_pages' })
@Unique('uq_facebook_pages_page_id', ['pageId'])
export class FacebookPageEntity extends ChannelBaseEntity {
  @Column({ name: 'page_id', type: 'varchar', length: 32 })
  pageId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  identity(): ChannelIdentity {
    return { platform: MessagePlatform.FACEBOOK, externalId: this.pageId, username: this.username, connection: 'facebook_login', linkedPageExternalId: null, kind: 'facebook_page' };
  }
}
