import { MessengerOptinDto } from '@ticklegram/domain-models';
import { MessengerOptinEntity } from '../entities/messenger-optin.entity';

export function toOptinDto(optin: MessengerOptinEntity): MessengerOptinDto {
  return {
    id: optin.id,
    kind: optin.kind,
    topic: optin.topic,
    status: optin.status,
    optedInAt: optin.optedInAt.toISOString(),
    updatedAt: optin.lastEventAt.toISOString(),
    tokenExpiresAt: optin.tokenExpiresAt?.toISOString() ?? null,
    timezone: optin.timezone,
  };
}
