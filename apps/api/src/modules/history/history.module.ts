import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { ConversationHistoryReader } from './conversation-history.reader';
import { ChannelHistoryEntity } from './entities/channel-history.entity';
import { HistoryController } from './history.controller';
import { HistorySyncService } from './history-sync.service';
import { ChannelHistoryRepository } from './repositories/channel-history.repository';

/**
 * Conversation history from Meta's Conversations API: the import when a channel is connected and gap
 * recovery (boot, periodic check, restored subscription, "Recover now"). Owns `channel_history`;
 * writes messages only through the inbox's `HistoryMergeService`; reports through `ChannelsGateway`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ChannelHistoryEntity]), InboxModule],
  controllers: [HistoryController],
  providers: [ChannelHistoryRepository, ConversationHistoryReader, HistorySyncService],
  exports: [HistorySyncService],
})
export class HistoryModule {}
