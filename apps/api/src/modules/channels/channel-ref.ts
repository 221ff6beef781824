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
  /**
   * Meta's restriction of sending, if any. For an Instagram account connected through a Page, the Page's
   * (it sends through the Page) — filled in by `ChannelsService.getById`.
   */
  restriction: { action: 'block' | 'warning'; reason: string | null } | null;
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
    restriction: entity.restriction(),
  };
}
