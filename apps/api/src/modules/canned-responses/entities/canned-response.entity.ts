import { BeforeInsert, BeforeUpdate, Column, Entity, Unique } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { TimestampColumn } from '../../../database/timestamp.column';
import { UuidPrimaryColumn } from '../../../database/uuid-primary.column';

/** An admin-managed reply snippet, inserted with `/shortcut` in the composer. */
@Entity({ name: 'canned_responses' })
@Unique('uq_canned_responses_shortcut', ['shortcut'])
export class CannedResponseEntity {
  @UuidPrimaryColumn()
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  shortcut!: string;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

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
