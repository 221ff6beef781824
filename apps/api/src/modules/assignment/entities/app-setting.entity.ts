import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** Admin-editable settings as typed JSON values under a key (e.g. `assignment`). */
@Entity({ name: 'app_settings' })
export class AppSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'json' })
  value!: unknown;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy!: string | null;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
