import { BeforeInsert, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** Who did what to which thing, and when. Written for every admin action; never updated. */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_created', ['createdAt'])
@Index('idx_audit_log_target', ['targetType', 'targetId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 320, nullable: true })
  actorEmail!: string | null;

  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 60, nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 120, nullable: true })
  targetId!: string | null;

  @Column({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  protected stampCreated(): void {
    this.createdAt ??= new Date();
  }
}
