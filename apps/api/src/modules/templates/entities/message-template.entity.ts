import { TEMPLATE_STATUSES, TemplateContent, TemplateStatus } from '@ticklegram/domain-models';
import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';
import { TimestampColumn } from '../../../database/timestamp.column';

/**
 * A Page's utility message template: a local draft, or Meta's template (`external_id` = Meta's id) with
 * its review status. Meta identifies a template by (Page, name, language); so do we.
 */
@Entity({ name: 'message_templates' })
@Unique('uq_message_templates_channel_external', ['channelId', 'externalId'])
@Unique('uq_message_templates_channel_name_language', ['channelId', 'name', 'language'])
@Index('idx_message_templates_channel_status', ['channelId', 'status'])
export class MessageTemplateEntity extends TimestampedEntity {
  /** The Facebook Page channel. */
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 64, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 512 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ type: 'simple-enum', enum: TEMPLATE_STATUSES })
  status!: TemplateStatus;

  /** Meta's rejection / pause reason as sent (`INCORRECT_PARAMS`…). */
  @Column({ name: 'status_reason_code', type: 'varchar', length: 191, nullable: true })
  statusReasonCode!: string | null;

  @Column({ type: 'json' })
  content!: TemplateContent;

  @Column({ name: 'library_template_name', type: 'varchar', length: 191, nullable: true })
  libraryTemplateName!: string | null;

  @Column({ name: 'created_by_id', type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @TimestampColumn({ name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  /** When we last learnt the status from Meta (submit answer, poll, webhook), by our clock. */
  @TimestampColumn({ name: 'status_updated_at', nullable: true })
  statusUpdatedAt!: Date | null;

  /** Meta's send time of the last status webhook applied: an older webhook arriving late is stale. */
  @TimestampColumn({ name: 'meta_status_at', nullable: true })
  metaStatusAt!: Date | null;
}
