import { ChannelConnection, MessagePlatform } from '@ticklegram/domain-models';

/** How a channel row names itself; each platform's entity answers (the common code never asks which table it is). */
export interface ChannelIdentity {
  platform: MessagePlatform;
  /** IG professional account id or Page id (Meta's `entry.id`). */
  externalId: string;
  username: string | null;
  connection: ChannelConnection;
  /** Instagram via a Page: the linked Page id. */
  linkedPageExternalId: string | null;
  /** Audit target type. */
  kind: 'instagram_account' | 'facebook_page';
}

/** Meta's policy enforcement: `block` stops sending until Meta lifts it, `warning` is a notice. */
export interface ChannelRestriction {
  action: 'block' | 'warning';
  reason: string | null;
  at: Date;
}
