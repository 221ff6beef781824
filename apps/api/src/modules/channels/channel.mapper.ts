import { ChannelDto, ChannelRestrictionDto } from '@ticklegram/domain-models';
import { featureGaps, missingScopes, ScopeRequirement } from './channel-scopes';
import { ChannelBaseEntity } from './entities/channel-base.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Entity → API shape. The token column is never read here. */
export function toChannelDto(entity: ChannelBaseEntity, webhooksLastHour: number, requirement: ScopeRequirement): ChannelDto {
  const identity = entity.identity();
  const missing = missingScopes(entity.scopes ?? [], requirement);
  return {
    id: entity.id,
    platform: identity.platform,
    connection: identity.connection,
    externalId: identity.externalId,
    name: entity.name,
    username: identity.username,
    pictureUrl: entity.pictureUrl,
    linkedPageExternalId: identity.linkedPageExternalId,
    status: entity.status,
    statusReason: entity.statusReason,
    humanAgentEnabled: entity.humanAgentEnabled,
    scopes: entity.scopes ?? [],
    missingScopes: [...missing.required, ...missing.recommended],
    featureGaps: featureGaps(entity.scopes ?? [], requirement),
    health: {
      lastWebhookAt: iso(entity.lastWebhookAt),
      webhooksLastHour,
      lastGraphError:
        entity.lastGraphError && entity.lastGraphErrorAt
          ? {
              at: entity.lastGraphErrorAt.toISOString(),
              code: entity.lastGraphError.code,
              subcode: entity.lastGraphError.subcode,
              kind: entity.lastGraphError.kind,
              message: entity.lastGraphError.message,
            }
          : null,
      subscription: { state: entity.subscriptionState, fields: entity.subscribedFields ?? [], checkedAt: iso(entity.subscriptionCheckedAt) },
      tokenExpiresAt: iso(entity.tokenExpiresAt),
      tokenCheckedAt: iso(entity.tokenCheckedAt),
    },
    restriction: restrictionDto(entity),
    appRoles: entity.handoverRoles(),
    connectedAt: entity.connectedAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

function restrictionDto(entity: ChannelBaseEntity): ChannelRestrictionDto | null {
  const restriction = entity.restriction();
  return restriction ? { action: restriction.action, reason: restriction.reason, at: restriction.at.toISOString() } : null;
}
