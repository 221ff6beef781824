import { randomUUID } from 'node:crypto';
import { BeforeInsert, BeforeUpdate } from 'typeorm';
import { TimestampColumn } from './timestamp.column';
import { UuidPrimaryColumn } from './uuid-primary.column';

/**
 * An append-only row: a VARCHAR(36) UUID key and a millisecond UTC `created_at`, both set by the
 * application on insert (never by a database default, so SQLite and MySQL store the same instant).
 */
export abstract class CreatedEntity {
  @UuidPrimaryColumn()
  id!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  protected assignIdAndCreatedAt(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}

/** A mutable row: {@link CreatedEntity} plus `updated_at`, refreshed on every `save()`. */
export abstract class TimestampedEntity extends CreatedEntity {
  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @BeforeInsert()
  protected assignUpdatedAt(): void {
    this.updatedAt ??= this.createdAt ?? new Date();
  }

  @BeforeUpdate()
  protected touchUpdatedAt(): void {
    this.updatedAt = new Date();
  }
}
