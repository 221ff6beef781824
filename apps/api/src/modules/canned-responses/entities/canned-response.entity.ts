import { Column, Entity, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';

/** An admin-managed reply snippet, inserted with `/shortcut` in the composer. */
@Entity({ name: 'canned_responses' })
@Unique('uq_canned_responses_shortcut', ['shortcut'])
export class CannedResponseEntity extends TimestampedEntity {
  @Column({ type: 'varchar', length: 32 })
  shortcut!: string;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;
}
