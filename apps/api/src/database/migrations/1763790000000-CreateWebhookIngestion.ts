import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { columns, dialectOf } from '../column-types';

const PLATFORMS = ['INSTAGRAM', 'FACEBOOK'];

/** Webhook inbox (webhook_events, applied_events) and the tables ingestion applies to. */
export class CreateWebhookIngestion1763790000000 implements MigrationInterface {
  name = 'CreateWebhookIngestion1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection.driver.options.type);
    const c = columns(dialect);
    // SQLite reads an INT column back as INTEGER; declaring it so keeps the schema equal to the entities
    const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      ...c.int(name, extra),
      type: dialect === 'mysql' ? 'int' : 'integer',
    });
    // plain TEXT (64 KB on MySQL) is enough for the columns below; large bodies are JSON columns
    const text = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra });

    await queryRunner.createTable(
      new Table({
        name: 'webhook_events',
        columns: [
          c.incrementPrimary(),
          c.string('endpoint', 16),
          c.string('object', 32, { isNullable: true }),
          c.string('channel_external_id', 64, { isNullable: true }),
          int('entry_count', { default: 0 }),
          c.json('raw_body'),
          c.enum('status', ['pending', 'processing', 'processed', 'unsupported', 'failed', 'dead', 'rejected'], { default: "'pending'" }),
          int('attempts', { default: 0 }),
          c.timestamp('next_attempt_at'),
          c.timestamp('locked_until', { isNullable: true }),
          c.string('locked_by', 64, { isNullable: true }),
          text('last_error', { isNullable: true }),
          int('event_count', { isNullable: true }),
          int('unsupported_count', { default: 0 }),
          c.json('items', { isNullable: true }),
          c.timestamp('received_at'),
          c.timestamp('processed_at', { isNullable: true }),
        ],
      }),
    );
    await queryRunner.createIndex('webhook_events', new TableIndex({ name: 'idx_webhook_events_claim', columnNames: ['status', 'next_attempt_at'] }));
    await queryRunner.createIndex('webhook_events', new TableIndex({ name: 'idx_webhook_events_received', columnNames: ['received_at'] }));
    await queryRunner.createIndex(
      'webhook_events',
      new TableIndex({ name: 'idx_webhook_events_channel', columnNames: ['channel_external_id', 'received_at'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'applied_events',
        columns: [{ ...c.string('dedupe_key', 191), isPrimary: true }, c.string('type', 40), int('webhook_event_id'), c.timestamp('applied_at')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pending_message_events',
        columns: [
          c.incrementPrimary(),
          c.uuid('channel_id'),
          c.string('mid', 191),
          c.string('type', 40),
          c.string('dedupe_key', 191),
          c.json('event'),
          c.timestamp('created_at'),
        ],
        uniques: [{ name: 'uq_pending_message_events_dedupe', columnNames: ['dedupe_key'] }],
      }),
    );
    await queryRunner.createIndex('pending_message_events', new TableIndex({ name: 'idx_pending_message_events_mid', columnNames: ['channel_id', 'mid'] }));

    await queryRunner.createTable(
      new Table({
        name: 'contacts',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.enum('platform', PLATFORMS),
          c.string('external_id', 64),
          c.string('display_name', 160),
          c.string('name', 160, { isNullable: true }),
          c.string('username', 64, { isNullable: true }),
          c.string('profile_pic_url', 1024, { isNullable: true }),
          c.timestamp('profile_fetched_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [{ name: 'uq_contacts_channel_external', columnNames: ['channel_id', 'external_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'conversations',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.enum('platform', PLATFORMS),
          c.uuid('contact_id'),
          c.string('customer_external_id', 64),
          c.enum('status', ['open', 'pending', 'snoozed', 'resolved'], { default: "'open'" }),
          c.uuid('assignee_id', { isNullable: true }),
          int('unread_count', { default: 0 }),
          c.timestamp('last_message_at', { isNullable: true }),
          c.string('last_message_preview', 255, { isNullable: true }),
          c.string('last_message_direction', 8, { isNullable: true }),
          c.timestamp('last_customer_message_at', { isNullable: true }),
          c.timestamp('customer_read_at', { isNullable: true }),
          c.timestamp('customer_delivered_at', { isNullable: true }),
          c.json('referral', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [{ name: 'uq_conversations_channel_customer', columnNames: ['channel_id', 'customer_external_id'] }],
      }),
    );
    await queryRunner.createIndex('conversations', new TableIndex({ name: 'idx_conversations_last_message', columnNames: ['last_message_at', 'id'] }));
    await queryRunner.createIndex('conversations', new TableIndex({ name: 'idx_conversations_contact', columnNames: ['contact_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'messages',
        columns: [
          c.uuidPrimary(),
          c.uuid('conversation_id'),
          c.uuid('channel_id'),
          c.enum('platform', PLATFORMS),
          c.string('mid', 191, { isNullable: true }),
          c.enum('direction', ['inbound', 'outbound']),
          c.enum('status', ['received', 'pending', 'sent', 'delivered', 'read', 'failed']),
          c.enum('source', ['customer', 'agent', 'native_app', 'automation']),
          c.enum('kind', ['message', 'postback', 'story_mention'], { default: "'message'" }),
          c.uuid('sender_user_id', { isNullable: true }),
          c.string('client_key', 64, { isNullable: true }),
          text('text', { isNullable: true }),
          c.json('attachments', { isNullable: true }),
          c.string('reply_to_mid', 191, { isNullable: true }),
          c.json('reply_to_story', { isNullable: true }),
          c.string('quick_reply_payload', 1000, { isNullable: true }),
          c.string('postback_payload', 1000, { isNullable: true }),
          c.json('referral', { isNullable: true }),
          c.string('metadata', 1000, { isNullable: true }),
          c.json('reactions', { isNullable: true }),
          c.json('edit_history', { isNullable: true }),
          int('edit_count', { default: 0 }),
          c.timestamp('edited_at', { isNullable: true }),
          c.timestamp('unsent_at', { isNullable: true }),
          c.boolean('unsupported', { default: false }),
          c.string('error_code', 40, { isNullable: true }),
          c.string('error_message', 500, { isNullable: true }),
          c.timestamp('sent_at'),
          c.timestamp('delivered_at', { isNullable: true }),
          c.timestamp('read_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [
          { name: 'uq_messages_channel_mid', columnNames: ['channel_id', 'mid'] },
          { name: 'uq_messages_conversation_client_key', columnNames: ['conversation_id', 'client_key'] },
        ],
      }),
    );
    await queryRunner.createIndex('messages', new TableIndex({ name: 'idx_messages_conversation_sent', columnNames: ['conversation_id', 'sent_at'] }));

    await queryRunner.createTable(
      new Table({
        name: 'comments',
        columns: [
          c.uuidPrimary(),
          c.uuid('channel_id'),
          c.enum('platform', PLATFORMS),
          c.enum('kind', ['comment', 'live_comment', 'mention', 'post']),
          c.string('external_id', 191),
          c.string('parent_external_id', 191, { isNullable: true }),
          c.string('object_external_id', 191, { isNullable: true }),
          c.string('media_product_type', 32, { isNullable: true }),
          c.string('ad_id', 64, { isNullable: true }),
          c.string('author_external_id', 64, { isNullable: true }),
          c.string('author_name', 160, { isNullable: true }),
          c.string('author_username', 64, { isNullable: true }),
          c.boolean('is_from_business', { default: false }),
          text('text', { isNullable: true }),
          c.boolean('is_hidden', { default: false }),
          c.timestamp('removed_at', { isNullable: true }),
          c.timestamp('edited_at', { isNullable: true }),
          c.string('permalink_url', 1024, { isNullable: true }),
          c.timestamp('commented_at'),
          c.timestamp('last_event_at', { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        uniques: [{ name: 'uq_comments_channel_external', columnNames: ['channel_id', 'external_id'] }],
      }),
    );
    await queryRunner.createIndex('comments', new TableIndex({ name: 'idx_comments_channel_commented', columnNames: ['channel_id', 'commented_at'] }));
    await queryRunner.createIndex('comments', new TableIndex({ name: 'idx_comments_object', columnNames: ['object_external_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'story_insights',
        columns: [c.incrementPrimary(), c.uuid('channel_id'), c.string('media_id', 64), c.json('metrics'), c.timestamp('received_at')],
        uniques: [{ name: 'uq_story_insights_channel_media', columnNames: ['channel_id', 'media_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['story_insights', 'comments', 'messages', 'conversations', 'contacts', 'pending_message_events', 'applied_events', 'webhook_events']) {
      await queryRunner.dropTable(table);
    }
  }
}
