import { ChannelStatus, MessagePlatform, type ChannelDto } from '@ticklegram/domain-models';

/** A healthy Instagram Login channel; override what a test is about. */
export function channelDto(overrides: Partial<ChannelDto> = {}, health: Partial<ChannelDto['health']> = {}): ChannelDto {
  return {
    id: 'c1',
    platform: MessagePlatform.INSTAGRAM,
    connection: 'instagram_login',
    externalId: '17841400000000002',
    name: 'Example Studio',
    username: 'example.studio',
    pictureUrl: null,
    linkedPageExternalId: null,
    status: ChannelStatus.ACTIVE,
    statusReason: null,
    humanAgentEnabled: true,
    scopes: [],
    missingScopes: [],
    featureGaps: [],
    connectedAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...overrides,
    health: {
      lastWebhookAt: null,
      webhooksLastHour: 0,
      lastGraphError: null,
      subscription: { state: 'subscribed', fields: [], checkedAt: null },
      tokenExpiresAt: null,
      tokenCheckedAt: null,
      ...health,
    },
  };
}
