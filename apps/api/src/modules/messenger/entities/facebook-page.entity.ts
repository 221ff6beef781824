import { MessagePlatform } from '@ticklegram/domain-models';
import { Column, Entity, Unique } from 'typeorm';
import type { ChannelIdentity, ChannelRestriction } from '../../channels/channel-identity';
import { TimestampColumn } from '../../../database/timestamp.column';
import { ChannelBaseEntity } from '../../channels/entities/channel-base.entity';

/** A Facebook Page connected for Messenger and Page comments. Its token is a (non-expiring) Page token. */
@Entity({ name: 'facebook_pages' })
@Unique('uq_facebook_pages_page_id', ['pageId'])
export class FacebookPageEntity extends ChannelBaseEntity {
  @Column({ name: 'page_id', type: 'varchar', length: 32 })
  pageId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  /** Last `messaging_policy_enforcement` action still in force: `block`, `warning`, or null (none / lifted). */
  @Column({ name: 'restriction_action', type: 'varchar', length: 16, nullable: true })
  restrictionAction!: 'block' | 'warning' | null;

  @Column({ name: 'restriction_reason', type: 'varchar', length: 500, nullable: true })
  restrictionReason!: string | null;

  /** Time of the last policy enforcement event (kept when lifted, so older events never apply again). */
  @TimestampColumn({ name: 'restriction_at', nullable: true })
  restrictionAt!: Date | null;

  /** Handover Protocol roles of this app on the Page (`app_roles` webhook), e.g. `["primary_receiver"]`. */
  @Column({ name: 'app_roles', type: 'json', nullable: true })
  appRoles!: string[] | null;

  override restriction(): ChannelRestriction | null {
    return this.restrictionAction && this.restrictionAt ? { action: this.restrictionAction, reason: this.restrictionReason, at: this.restrictionAt } : null;
  }

  override handoverRoles(): string[] {
    return this.appRoles ?? [];
  }

  identity(): ChannelIdentity {
    return {
      platform: MessagePlatform.FACEBOOK,
      externalId: this.pageId,
      username: this.username,
      connection: 'facebook_login',
      linkedPageExternalId: null,
      kind: 'facebook_page',
    };
  }
}
