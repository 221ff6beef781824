import { BeforeInsert, BeforeUpdate, Column, Entity, Unique } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { TimestampColumn } from '../../../database/timestamp.column';
import { UuidPrimaryColumn } from '../../../database/uuid-primary.column';

/** An admin-managed conversation label. */
@Entity({ name: 'labels' })
@Unique('uq_labels_name', ['name'])
export class LabelEntity {
  @UuidPrimaryColumn()
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  /** `#rrggbb` */
  @Column({ type: 'varchar', length: 7 })
  color!: string;

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
