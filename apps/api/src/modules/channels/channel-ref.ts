import { ChannelConnection, ChannelStatus, MessagePlatform } from '@ticklegram/domain-models';
import type { ChannelBaseEntity } from './entities/channel-base.entity';

/** What other modules (webhooks, inbox, messaging) know about a channel. Never carries the token. */
export interface ChannelRef {
  /** Our uuid. */
  id: string;
  platform: MessagePlatform;
  /** IG professional account id or Page id. */
  externalId: string;
  name: string;
  username: string | null;
  status: ChannelStatus;
  humanAgentEnabled: boolean;
  /** Instagram via a Page: the linked Page id. */
  linkedPageExternalId: string | null;
  connection: ChannelConnection;
}

export function toChannelRef(entity: ChannelBaseEntity): ChannelRef {
  const identity = entity.identity();
  return {
    id: entity.id,
    platform: identity.platform,
    externalId: identity.externalId,
    name: entity.name,
    username: identity.username,
    status: entity.status,
    humanAgentEnabled: entity.humanAgentEnabled,
    linkedPageExternalId: identity.linkedPageExternalId,
    connection: identity.connection,
  };
}
