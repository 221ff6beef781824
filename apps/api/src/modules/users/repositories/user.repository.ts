import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@ticklegram/domain-models';
import { QueryFailedError, Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

export class DuplicateEmailError extends Error {}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number };
  return driverError.code === 'ER_DUP_ENTRY' || driverError.code === 'SQLITE_CONSTRAINT_UNIQUE' || driverError.errno === 1062;
}

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Includes the password hash, for credential checks only. */
  findByEmailWithPassword(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.email = :email', { email }).getOne();
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  /** Active users, projected to what any teammate may see. */
  listActiveTeammates(): Promise<Pick<UserEntity, 'id' | 'name' | 'role'>[]> {
    return this.users.find({ select: { id: true, name: true, role: true }, where: { active: true }, order: { name: 'ASC' } });
  }

  countActiveAdmins(): Promise<number> {
    return this.users.count({ where: { role: Role.ADMIN, active: true } });
  }

  /** Insert relying on `uq_users_email`, so two concurrent creations cannot both succeed. */
  async insert(user: Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt' | 'lastLoginAt' | 'sessionVersion'> & Partial<UserEntity>): Promise<UserEntity> {
    try {
      const saved = await this.users.save(this.users.create(user));
      return (await this.findById(saved.id)) as UserEntity;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateEmailError(user.email);
      throw error;
    }
  }

  /** `endSessions` bumps the session version in the same statement: tokens issued before stop working. */
  async update(
    id: string,
    changes: Partial<Pick<UserEntity, 'name' | 'role' | 'active' | 'passwordHash' | 'lastLoginAt'>>,
    endSessions = false,
  ): Promise<UserEntity> {
    await this.users.update({ id }, { ...changes, updatedAt: new Date(), ...(endSessions && { sessionVersion: () => 'session_version + 1' }) });
    return (await this.findById(id)) as UserEntity;
  }
}
