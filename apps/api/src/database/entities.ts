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
import { CannedResponseEntity } from '../modules/canned-responses/entities/canned-response.entity';
import { ConversationNoteEntity } from '../modules/notes/entities/conversation-note.entity';
import { LabelEntity } from '../modules/labels/entities/label.entity';
import { ConversationLabelEntity } from '../modules/labels/entities/conversation-label.entity';

/** Every entity, listed once for the Nest module, the TypeORM CLI and tests. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, AuditLogEntity, InstagramAccountEntity, FacebookPageEntity, InstagramUserEntity, FacebookUserEntity, ChannelWebhookMinuteEntity, ...INGESTION_ENTITIES, ...MESSAGING_ENTITIES, CannedResponseEntity, ConversationNoteEntity, LabelEntity, ConversationLabelEntity];
