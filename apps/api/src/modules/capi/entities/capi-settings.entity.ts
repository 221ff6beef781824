import { Column, Entity, Unique } from 'typeorm';
import { TimestampedEntity } from '../../../database/base.entity';

/** Conversions API settings of one channel (Facebook Page or Instagram account): its dataset, test code, optional own token. */
@Entity({ name: 'capi_settings' })
@Unique('uq_capi_settings_channel', ['channelId'])
export class CapiSettingsEntity extends TimestampedEntity {
  @Column({ name: 'channel_id', type: 'varchar', length: 36 })
  channelId!: string;

  /** The business-messaging dataset (`POST /{page-or-ig-id}/dataset`). */
  @Column({ name: 'dataset_id', type: 'varchar', length: 64, nullable: true })
  datasetId!: string | null;

  /** Meta's `test_event_code`: events show under Test events in Events Manager. */
  @Column({ name: 'test_event_code', type: 'varchar', length: 64, nullable: true })
  testEventCode!: string | null;

  /** A dedicated access token (TokenCipher, `v1:iv:tag:ciphertext`); null = the channel's own token. Never returned. */
  @Column({ name: 'access_token_encrypted', type: 'varchar', length: 2048, nullable: true })
  accessTokenEncrypted!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;
}
