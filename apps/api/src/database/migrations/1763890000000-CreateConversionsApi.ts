import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const PLATFORMS = ['INSTAGRAM', 'FACEBOOK'];
const OUTCOME_TYPES = [
  'LeadSubmitted',
  'QualifiedLead',
  'Purchase',
  'InitiateCheckout',
  'AddToCart',
  'ViewContent',
  'OrderCreated',
  'OrderShipped',
  'OrderDelivered',
  'OrderCanceled',
  'OrderReturned',
  'CartAbandoned',
  'RatingProvided',
  'ReviewProvided',
];
const EVENT_STATUSES = ['queued', 'sending', 'retrying', 'accepted', 'failed', 'uncertain'];

/** Conversions API for business messaging: settings per channel, outcomes on conversations, the event outbox. */
export class CreateConversionsApi1763890000000 implements MigrationInterface {
  name = 'CreateConversionsApi1763890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(dialectOf(queryRunner.connection.driver.options.type));
    await queryRunner.createTable(
      new Table({
        name: 'capi_settings',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.string('dataset_id', 64, { isNullable: true }),
          c.string('test_event_code', 64, { isNullable: true }),
          c.string('access_token_encrypted', 2048, { isNullable: true }),
          c.boolean('enabled', { default: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_capi_settings_channel', columnNames: ['channel_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversion_outcomes',
        columns: [
          c.uuidPrimary(),
          c.uuid('conversation_id'),
          c.uuid('channel_id'),
          c.enum('platform', PLATFORMS),
          c.enum('type', OUTCOME_TYPES),
          c.int('value_minor', { isNullable: true }),
          c.string('currency', 3, { isNullable: true }),
          c.string('email_hash', 64, { isNullable: true }),
          c.string('phone_hash', 64, { isNullable: true }),
          c.string('ad_id', 64, { isNullable: true }),
          c.uuid('recorded_by_id', { isNullable: true }),
          c.string('recorded_by_name', 160, { isNullable: true }),
          c.timestamp('occurred_at'),
          c.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'conversion_outcomes',
      new TableIndex({ name: 'idx_conversion_outcomes_conversation', columnNames: ['conversation_id', 'occurred_at'] }),
    );
    await queryRunner.createIndex('conversion_outcomes', new TableIndex({ name: 'idx_conversion_outcomes_ad', columnNames: ['ad_id', 'occurred_at'] }));
    await queryRunner.createIndex('conversion_outcomes', new TableIndex({ name: 'idx_conversion_outcomes_occurred', columnNames: ['occurred_at'] }));
    await queryRunner.createTable(
      new Table({
        name: 'capi_events',
        columns: [
          c.uuidPrimary(),
          c.uuid('outcome_id'),
          c.string('event_id', 64),
          c.uuid('conversation_id'),
          c.uuid('channel_id'),
          c.enum('platform', PLATFORMS),
          c.enum('event_name', OUTCOME_TYPES),
          c.enum('status', EVENT_STATUSES, { default: "'queued'" }),
          c.int('attempts', { default: 0 }),
          c.timestamp('next_attempt_at', { isNullable: true }),
          c.uuid('claim_token', { isNullable: true }),
          c.timestamp('claimed_at', { isNullable: true }),
          c.json('payload'),
          c.string('dataset_id', 64, { isNullable: true }),
          c.string('test_event_code', 64, { isNullable: true }),
          c.string('message', 1000, { isNullable: true }),
          c.int('events_received', { isNullable: true }),
          c.string('fbtrace_id', 64, { isNullable: true }),
          c.timestamp('sent_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [
          new TableUnique({ name: 'uq_capi_events_outcome', columnNames: ['outcome_id'] }),
          new TableUnique({ name: 'uq_capi_events_event_id', columnNames: ['event_id'] }),
        ],
      }),
    );
    await queryRunner.createIndex('capi_events', new TableIndex({ name: 'idx_capi_events_status_due', columnNames: ['status', 'next_attempt_at'] }));
    await queryRunner.createIndex('capi_events', new TableIndex({ name: 'idx_capi_events_created', columnNames: ['created_at', 'id'] }));
    await queryRunner.createIndex('capi_events', new TableIndex({ name: 'idx_capi_events_claim', columnNames: ['claim_token'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['idx_capi_events_claim', 'idx_capi_events_created', 'idx_capi_events_status_due']) await queryRunner.dropIndex('capi_events', name);
    await queryRunner.dropTable('capi_events');
    for (const name of ['idx_conversion_outcomes_occurred', 'idx_conversion_outcomes_ad', 'idx_conversion_outcomes_conversation'])
      await queryRunner.dropIndex('conversion_outcomes', name);
    await queryRunner.dropTable('conversion_outcomes');
    await queryRunner.dropTable('capi_settings');
  }
}
