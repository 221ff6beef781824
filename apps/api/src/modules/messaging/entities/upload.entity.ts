import { MessagePlatform, OutboundAttachmentKind } from '@ticklegram/domain-models';
import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../database/base.entity';

export const UPLOAD_KINDS: OutboundAttachmentKind[] = ['image', 'audio', 'video', 'file'];

/** A file an agent uploaded for an outbound message, checked against the platform's limits; stored under DATA_DIR/uploads. */
@Entity({ name: 'uploads' })
@Index('idx_uploads_user', ['userId'])
@Index('idx_uploads_created', ['createdAt'])
export class UploadEntity extends CreatedEntity {
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'simple-enum', enum: MessagePlatform })
  platform!: MessagePlatform;

  @Column({ type: 'simple-enum', enum: UPLOAD_KINDS })
  kind!: OutboundAttachmentKind;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 127 })
  mimeType!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  /** File name under DATA_DIR/uploads (random, never the client's name). */
  @Column({ name: 'stored_file', type: 'varchar', length: 255 })
  storedFile!: string;
}
