import { SetMetadata } from '@nestjs/common';
import { Role } from '@ticklegram/domain-models';

export const ROLES_KEY = 'roles';

/** Restricts a handler or controller to the given roles (checked by the global RolesGuard). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
