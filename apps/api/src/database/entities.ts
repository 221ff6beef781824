import { AuditLogEntity } from '../modules/audit/entities/audit-log.entity';
import { RefreshTokenEntity } from '../modules/auth/entities/refresh-token.entity';
import { UserEntity } from '../modules/users/entities/user.entity';
import { ASSIGNMENT_ENTITIES } from '../modules/assignment/assignment.entities';
import { CAPI_ENTITIES } from '../modules/capi/capi.entities';
import { CannedResponseEntity } from '../modules/canned-responses/entities/canned-response.entity';
import { CHANNELS_ENTITIES } from '../modules/channels/channels.entities';
import { COMMENTS_ENTITIES } from '../modules/comments/comments.entities';
import { HISTORY_ENTITIES } from '../modules/history/history.entities';
import { INBOX_ENTITIES } from '../modules/inbox/inbox.entities';
import { INSIGHTS_ENTITIES } from '../modules/insights/insights.entities';
import { JOBS_ENTITIES } from '../modules/jobs/jobs.entities';
import { INSTAGRAM_ENTITIES } from '../modules/instagram/instagram.entities';
import { LABELS_ENTITIES } from '../modules/labels/labels.entities';
import { MESSAGING_ENTITIES } from '../modules/messaging/messaging.entities';
import { MESSENGER_ENTITIES } from '../modules/messenger/messenger.entities';
import { NOTES_ENTITIES } from '../modules/notes/notes.entities';
import { TEMPLATES_ENTITIES } from '../modules/templates/templates.entities';
import { WEBHOOKS_ENTITIES } from '../modules/webhooks/webhooks.entities';
// analytics (issue 12 part 2)
import { ANALYTICS_ENTITIES } from '../modules/analytics/analytics.entities';

/** Every entity, listed once for the Nest module, the TypeORM CLI and tests; each module lists its own tables. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  AuditLogEntity,
  ...INSTAGRAM_ENTITIES,
  ...MESSENGER_ENTITIES,
  ...CHANNELS_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  ...INBOX_ENTITIES,
  ...COMMENTS_ENTITIES,
  ...INSIGHTS_ENTITIES,
  ...MESSAGING_ENTITIES,
  ...ASSIGNMENT_ENTITIES,
  CannedResponseEntity,
  ...NOTES_ENTITIES,
  ...LABELS_ENTITIES,
  ...TEMPLATES_ENTITIES,
  ...HISTORY_ENTITIES,
  ...ANALYTICS_ENTITIES,
  ...CAPI_ENTITIES,
  ...JOBS_ENTITIES,
];
