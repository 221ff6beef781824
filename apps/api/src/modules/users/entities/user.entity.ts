import { Role } from '@ticklegram/domain-models';
import { BeforeInsert, BeforeUpdate, Column, Entity, Unique } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { TimestampColumn } from '../../../database/timestamp.column';
import { UuidPrimaryColumn } from '../../../database/uuid-primary.column';

@Entity({ name: 'users' })
@Unique('uq_users_email', ['email'])
export class UserEntity {
  @UuidPrimaryColumn()
  id!: string;

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

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @BeforeInsert()
  protected stampCreated(): void {
    this.id ??= randomUUID();
    const now = new Date();
    this.createdAt ??= now;
    this.updatedAt ??= now;
  }

  @BeforeUpdate()
  protected stampUpdated(): void {
    this.updatedAt = new Date();
  }
}
