import { Injectable } from '@nestjs/common';
import { Role, TeammateDto, UserDto } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { UpdateUserRequestDto } from './dto/update-user.request.dto';
import { PasswordHasher } from './password-hasher.service';
import { DuplicateEmailError, UserRepository } from './repositories/user.repository';
import { UserAccessEvents } from './user-access-events';
import { toUserDto } from './user.mapper';
import { UsersException, UsersExceptionCode } from './users.exception';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly accessEvents: UserAccessEvents,
  ) {}

  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }

  /** Built field by field so nothing else (email, hash) can leak into the directory. */
  async directory(): Promise<TeammateDto[]> {
    return (await this.users.listActiveTeammates()).map((u) => ({ id: u.id, name: u.name, role: u.role }));
  }

  async create(actor: AuthUser | null, request: CreateUserRequestDto, ip?: string): Promise<UserDto> {
    try {
      const user = await this.users.insert({
        email: request.email,
        name: request.name,
        role: request.role,
        active: true,
        passwordHash: await this.hasher.hash(request.password),
      });
      await this.audit.record({ actor, action: 'user.created', target: { type: 'user', id: user.id }, details: { email: user.email, role: user.role }, ip });
      return toUserDto(user);
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        throw new UsersException(UsersExceptionCode.USERS_EMAIL_TAKEN, 'A teammate with this email already exists.');
      }
      throw error;
    }
  }

  async update(actor: AuthUser, id: string, request: UpdateUserRequestDto, ip?: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new UsersException(UsersExceptionCode.USERS_NOT_FOUND, 'No such teammate.');

    if (request.active === false && user.id === actor.id) {
      throw new UsersException(UsersExceptionCode.USERS_CANNOT_DEACTIVATE_SELF, 'You cannot deactivate your own account.');
    }
    const losesAdmin = user.role === Role.ADMIN && user.active && (request.active === false || (request.role !== undefined && request.role !== Role.ADMIN));
    if (losesAdmin && (await this.users.countActiveAdmins()) <= 1) {
      throw new UsersException(UsersExceptionCode.USERS_LAST_ADMIN, 'This is the last active admin; make someone else an admin first.');
    }

    // a reset password or a deactivated account ends every session the user has open
    const sessionsEnded = request.password !== undefined || (request.active === false && user.active);
    const updated = await this.users.update(
      id,
      {
        ...(request.name !== undefined && { name: request.name }),
        ...(request.role !== undefined && { role: request.role }),
        ...(request.active !== undefined && { active: request.active }),
        ...(request.password !== undefined && { passwordHash: await this.hasher.hash(request.password) }),
      },
      sessionsEnded,
    );
    const changed = Object.keys(request).filter((key) => key !== 'password');
    await this.audit.record({
      actor,
      action: 'user.updated',
      target: { type: 'user', id },
      details: {
        changed,
        ...(request.password !== undefined && { passwordReset: true }),
        ...(request.role && { role: request.role }),
        ...(request.active !== undefined && { active: request.active }),
      },
      ip,
    });
    const newRole = request.role !== undefined && request.role !== user.role ? request.role : null;
    if (sessionsEnded || newRole) await this.accessEvents.publish({ userId: id, sessionsEnded, newRole });
    return toUserDto(updated);
  }
}
