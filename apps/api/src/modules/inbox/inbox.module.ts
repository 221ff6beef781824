import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LabelsModule } from '../labels/labels.module';
import { MediaModule } from '../media/media.module';
import { ConversationLabelsController } from './conversation-labels.controller';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { ConversationCountsMaintainer } from './counts/conversation-counts.maintainer';
import { CustomerConversationsService } from './customer-conversations.service';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { PendingMessageEventEntity } from './entities/pending-message-event.entity';
import { ContactSearchEntity, MessageSearchEntity } from './entities/search-document.entity';
import { HistoryMergeService } from './history/history-merge.service';
import { InboxGateway } from './inbox.gateway';
import { InboxActivity } from './inbox-activity';
import { ThreadControlService } from './thread-control.service';
import { ConversationWriter } from './ingestion/conversation-writer';
import { IngestAnnouncer } from './ingestion/ingest-announcer';
import { MessageChangesApplier } from './ingestion/message-changes.applier';
import { ContactProfileFiller } from './ingestion/contact-profile.filler';
import { MessageIngestApplier } from './ingestion/message-ingest.applier';
import { MessageRefUpdater } from './ingestion/message-ref.updater';
import { ReceiptsApplier } from './ingestion/receipts.applier';
import { MessageMediaController } from './media/message-media.controller';
import { MessageMediaService } from './media/message-media.service';
import { PassThroughMediaSources } from './media/pass-through-media-sources';
import { AdConversationsRepository } from './repositories/ad-conversations.repository';
import { ConversationCountsRepository } from './repositories/conversation-counts.repository';
import { ConversationFactsRepository } from './repositories/conversation-facts.repository';
import { InboxReadRepository } from './repositories/inbox-read.repository';
import { MessageRepository } from './repositories/message.repository';
import { OutboundMessageRepository } from './repositories/outbound-message.repository';
import { ScopedConversationRepository } from './repositories/scoped-conversation.repository';
import { InboxSearchRepository } from './repositories/inbox-search.repository';
import { ConversationSearch } from './search/conversation-search';
import { SearchIndexer } from './search/search-indexer';

/**
 * The platform-neutral conversation core: `contacts`, `conversations`, `messages`,
 * `pending_message_events`; the access policy and the scoped repository every conversation read goes
 * through; the appliers of DM events (messages, changes, receipts); message media (platform modules
 * register what they pass through in `PassThroughMediaSources`); the inbox gateway
 * (`conversation.*`, `message.*`). Assignment, messaging, notes, priority and collaboration build on it;
 * it depends on none of them.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ContactEntity, ConversationEntity, MessageEntity, PendingMessageEventEntity, MessageSearchEntity, ContactSearchEntity]),
    MediaModule,
    LabelsModule,
  ],
  controllers: [ConversationsController, ConversationLabelsController, MessageMediaController],
  providers: [
    ScopedConversationRepository,
    InboxReadRepository,
    InboxSearchRepository,
    ConversationSearch,
    SearchIndexer,
    ConversationCountsMaintainer,
    ConversationCountsRepository,
    ConversationFactsRepository,
    MessageRepository,
    OutboundMessageRepository,
    InboxGateway,
    InboxActivity,
    ConversationsService,
    CustomerConversationsService,
    MessageMediaService,
    PassThroughMediaSources,
    ConversationWriter,
    IngestAnnouncer,
    MessageRefUpdater,
    MessageIngestApplier,
    ContactProfileFiller,
    MessageChangesApplier,
    ReceiptsApplier,
    ThreadControlService,
    HistoryMergeService,
    AdConversationsRepository,
  ],
  exports: [
    MessageIngestApplier,
    ContactProfileFiller,
    PassThroughMediaSources,
    AdConversationsRepository,
    CustomerConversationsService,
    ScopedConversationRepository,
    ConversationCountsRepository,
    MessageRepository,
    OutboundMessageRepository,
    InboxGateway,
    ThreadControlService,
    HistoryMergeService,
    InboxActivity,
    ConversationFactsRepository,
  ],
})
export class InboxModule {}
