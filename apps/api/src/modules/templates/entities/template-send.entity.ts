import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../database/timestamp.column';

/** Which template (and values) an outbound message was sent with, so a retry sends the same. */
@Entity({ name: 'message_template_sends' })
export class TemplateSendEntity {
  /** The inbox's message id. */
  @PrimaryColumn({ name: 'message_id', type: 'varchar', length: 36 })
  messageId!: string;

  @Column({ name: 'template_id', type: 'varchar', length: 36 })
  templateId!: string;

  /** Body variable values by name (`"1"`, `"first_name"`). */
  @Column({ type: 'json' })
  parameters!: Record<string, string>;

  @Column({ name: 'url_suffix', type: 'varchar', length: 1000, nullable: true })
  urlSuffix!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
