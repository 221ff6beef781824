import { Role } from '@ticklegram/domain-models';
import { Column, Entity, Unique } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';
import { TimestampedEntity } from '../../../database/base.entity';

@Entity({ name: 'users' })
@Unique('uq_users_email', ['email'])
export class UserEntity extends TimestampedEntity {
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'simple-enum', enum: Role })
  role!: Role;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'password_hash', type: 'varchar', length: 100, select: false })
  passwordHash!: string;

  @TimestampColumn({ name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  /** In every access token; bumped on password reset and deactivation, which ends every session. */
  @Column({ name: 'session_version', type: 'int', default: 0 })
  sessionVersion!: number;
}
