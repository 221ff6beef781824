import { AuditLogEntity } from '../modules/audit/entities/audit-log.entity';
import { RefreshTokenEntity } from '../modules/auth/entities/refresh-token.entity';
import { UserEntity } from '../modules/users/entities/user.entity';

/** Every entity, listed once for the Nest module, the TypeORM CLI and tests. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, AuditLogEntity];
