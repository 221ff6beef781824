import { CommentRuleAction, CommentRuleConditions } from '@ticklegram/domain-models';
import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';

/** An auto-moderation rule (admins): conditions ANDed, actions run in order; rules run by `position`. */
@Entity({ name: 'comment_rules' })
@Index('idx_comment_rules_position', ['position'])
export class CommentRuleEntity extends TimestampedEntity {
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'stop_processing', type: 'boolean', default: false })
  stopProcessing!: boolean;

  @Column({ type: 'json' })
  conditions!: CommentRuleConditions;

  @Column({ type: 'json' })
  actions!: CommentRuleAction[];

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;
}
