import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationLabelsService } from './conversation-labels.service';
import { ConversationLabelEntity } from './entities/conversation-label.entity';
import { LabelEntity } from './entities/label.entity';
import { LabelRepository } from './label.repository';
import { LabelsController } from './labels.controller';
import { LabelsService } from './labels.service';

/**
 * Admin-managed labels (`labels`) and their links to conversations (`conversation_labels`). The inbox
 * reads and sets a conversation's labels through {@link ConversationLabelsService}; this module imports
 * no domain module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LabelEntity, ConversationLabelEntity])],
  controllers: [LabelsController],
  providers: [LabelRepository, LabelsService, ConversationLabelsService],
  exports: [ConversationLabelsService, LabelsService],
})
export class LabelsModule {}
