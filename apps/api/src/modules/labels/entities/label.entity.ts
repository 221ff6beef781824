import { Column, Entity, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';

/** An admin-managed conversation label. */
@Entity({ name: 'labels' })
@Unique('uq_labels_name', ['name'])
export class LabelEntity extends TimestampedEntity {
  @Column({ type: 'varchar', length: 50 })
  name!: string;

  /** `#rrggbb` */
  @Column({ type: 'varchar', length: 7 })
  color!: string;
}
