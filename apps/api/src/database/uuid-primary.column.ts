import { PrimaryColumn } from 'typeorm';

/**
 * A UUID primary key stored as VARCHAR(36) on every database (MariaDB would otherwise pick its native
 * UUID type for generated columns, which foreign keys then inherit). Assign it with {@link newId}
 * in a `@BeforeInsert` hook.
 */
export function UuidPrimaryColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'varchar', length: 36 });
}
