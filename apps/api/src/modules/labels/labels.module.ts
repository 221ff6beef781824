import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentModule } from '../assignment/assignment.module';
import { ConversationLabelsController } from './conversation-labels.controller';
import { ConversationLabelEntity } from './entities/conversation-label.entity';
import { LabelEntity } from './entities/label.entity';
import { LabelRepository } from './label.repository';
import { LabelsController } from './labels.controller';
import { LabelsService } from './labels.service';

/** Admin-managed labels and the labels on conversations. */
@Module({
  imports: [TypeOrmModule.forFeature([LabelEntity, ConversationLabelEntity]), AssignmentModule],
  controllers: [LabelsController, ConversationLabelsController],
  providers: [LabelRepository, LabelsService],
  exports: [LabelRepository],
})
export class LabelsModule {}
