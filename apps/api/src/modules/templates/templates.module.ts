import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { TemplateSendEntity } from './entities/template-send.entity';
import { MessageTemplateRepository } from './repositories/message-template.repository';
import { TemplateSendRepository } from './repositories/template-send.repository';
import { TemplateChanges } from './template-changes';
import { TemplateLibraryService } from './template-library.service';
import { TemplatePages } from './template-pages';
import { TemplateSendingService } from './template-sending.service';
import { TemplateStatusApplier } from './template-status.applier';
import { TemplateSyncService } from './template-sync.service';
import { TemplatesController } from './templates.controller';
import { TemplatesGateway } from './templates.gateway';
import { TemplatesService } from './templates.service';

/**
 * Messenger utility templates: drafts, Meta's review (status webhook applier + polling), the library,
 * and what the outbound pipeline needs to send one ({@link TemplateSendingService}, used by messaging).
 * Owns `message_templates` and `message_template_sends`; reads channels through `ChannelsService`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MessageTemplateEntity, TemplateSendEntity])],
  controllers: [TemplatesController],
  providers: [
    MessageTemplateRepository,
    TemplateSendRepository,
    TemplatePages,
    TemplateChanges,
    TemplatesGateway,
    TemplatesService,
    TemplateLibraryService,
    TemplateSyncService,
    TemplateSendingService,
    TemplateStatusApplier,
  ],
  exports: [TemplateSendingService],
})
export class TemplatesModule {}
