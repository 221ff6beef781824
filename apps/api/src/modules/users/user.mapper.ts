import { UserDto } from '@ticklegram/domain-models';
import { UserEntity } from './entities/user.entity';

/** The only way a user leaves the api: an explicit allow-list of fields, so a hash can never slip out. */
export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
