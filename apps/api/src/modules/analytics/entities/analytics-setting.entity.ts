import { BusinessHoursDto } from '@ticklegram/domain-models';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** The workspace's analytics settings (one row, key `workspace`) and when the rollups were last rebuilt. */
@Entity({ name: 'analytics_settings' })
export class AnalyticsSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  key!: string;

  @Column({ name: 'business_hours', type: 'json', nullable: true })
  businessHours!: BusinessHoursDto | null;

  @TimestampColumn({ name: 'rebuilt_at', nullable: true })
  rebuiltAt!: Date | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy!: string | null;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
