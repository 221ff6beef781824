import { ChannelDto, MessagePlatform } from '@ticklegram/domain-models';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { missingScopes, scopeRequirement } from './channel-scopes';
import { AnyChannelEntity, platformOf } from './repositories/channel.repository';
import type { ChannelRef } from './channels.service';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toChannelRef(entity: AnyChannelEntity): ChannelRef {
  const ig = entity instanceof InstagramAccountEntity ? entity : null;
  return {
    id: entity.id,
    platform: platformOf(entity),
    externalId: ig ? ig.igUserId : (entity as Exclude<AnyChannelEntity, InstagramAccountEntity>).pageId,
    name: entity.name,
    username: entity.username,
    status: entity.status,
    humanAgentEnabled: entity.humanAgentEnabled,
    linkedPageExternalId: ig ? ig.linkedPageId : null,
    connection: ig ? ig.connection : 'facebook_login',
  };
}

/** Entity → API shape. The token column is never read here. */
export function toChannelDto(entity: AnyChannelEntity, webhooksLastHour: number): ChannelDto {
  const ref = toChannelRef(entity);
  const missing = missingScopes(entity.scopes ?? [], scopeRequirement(ref.platform, ref.connection));
  return {
    id: entity.id,
    platform: ref.platform,
    connection: ref.connection,
    externalId: ref.externalId,
    name: entity.name,
    username: entity.username,
    pictureUrl: entity.pictureUrl,
    linkedPageExternalId: ref.linkedPageExternalId,
    status: entity.status,
    statusReason: entity.statusReason,
    humanAgentEnabled: entity.humanAgentEnabled,
    scopes: entity.scopes ?? [],
    missingScopes: [...missing.required, ...missing.recommended],
    health: {
      lastWebhookAt: iso(entity.lastWebhookAt),
      webhooksLastHour,
      lastGraphError:
        entity.lastGraphError && entity.lastGraphErrorAt
          ? { at: entity.lastGraphErrorAt.toISOString(), code: entity.lastGraphError.code, subcode: entity.lastGraphError.subcode, kind: entity.lastGraphError.kind, message: entity.lastGraphError.message }
          : null,
      subscription: { state: entity.subscriptionState, fields: entity.subscribedFields ?? [], checkedAt: iso(entity.subscriptionCheckedAt) },
      tokenExpiresAt: iso(entity.tokenExpiresAt),
      tokenCheckedAt: iso(entity.tokenCheckedAt),
    },
    connectedAt: entity.connectedAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function platformLabel(platform: MessagePlatform): string {
  return platform === MessagePlatform.INSTAGRAM ? 'Instagram account' : 'Facebook Page';
}
