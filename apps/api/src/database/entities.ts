import { AuditLogEntity } from '../modules/audit/entities/audit-log.entity';
import { RefreshTokenEntity } from '../modules/auth/entities/refresh-token.entity';
import { UserEntity } from '../modules/users/entities/user.entity';
import { INGESTION_ENTITIES } from '../modules/webhooks/ingestion.entities';
import { MESSAGING_ENTITIES } from '../modules/messaging/messaging.entities';
import { FacebookPageEntity } from '../modules/channels/entities/facebook-page.entity';
import { FacebookUserEntity } from '../modules/channels/entities/facebook-user.entity';
import { InstagramAccountEntity } from '../modules/channels/entities/instagram-account.entity';
import { InstagramUserEntity } from '../modules/channels/entities/instagram-user.entity';
import { ChannelWebhookMinuteEntity } from '../modules/channels/entities/channel-webhook-minute.entity';

/** Every entity, listed once for the Nest module, the TypeORM CLI and tests. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, AuditLogEntity, InstagramAccountEntity, FacebookPageEntity, InstagramUserEntity, FacebookUserEntity, ChannelWebhookMinuteEntity, ...INGESTION_ENTITIES, ...MESSAGING_ENTITIES];
