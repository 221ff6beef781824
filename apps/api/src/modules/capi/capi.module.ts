import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { UsersModule } from '../users/users.module';
import { AdDetailsLookup } from './ad-details.lookup';
import { AttributionService } from './attribution.service';
import { CapiEventsService } from './capi-events.service';
import { CapiSandboxSeeder } from './capi-sandbox.seeder';
import { CapiSender } from './capi-sender';
import { CapiSettingsService } from './capi-settings.service';
import { AttributionController, CapiController } from './capi.controller';
import { CapiGateway } from './capi.gateway';
import { CapiEventEntity } from './entities/capi-event.entity';
import { CapiSettingsEntity } from './entities/capi-settings.entity';
import { ConversionOutcomeEntity } from './entities/conversion-outcome.entity';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { CapiEventRepository } from './repositories/capi-event.repository';
import { CapiSettingsRepository } from './repositories/capi-settings.repository';
import { ConversionOutcomeRepository } from './repositories/conversion-outcome.repository';

/**
 * Conversions API for business messaging: settings per channel (`capi_settings`), outcomes agents
 * record on conversations (`conversion_outcomes`), the event outbox and its sender (`capi_events`),
 * attribution per ad, and `capi.*` realtime events. Reads conversations through the inbox's exports.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CapiSettingsEntity, ConversionOutcomeEntity, CapiEventEntity]), InboxModule, UsersModule],
  controllers: [OutcomesController, CapiController, AttributionController],
  providers: [
    CapiSettingsRepository,
    ConversionOutcomeRepository,
    CapiEventRepository,
    CapiGateway,
    CapiSettingsService,
    CapiSender,
    OutcomesService,
    CapiEventsService,
    AttributionService,
    AdDetailsLookup,
    CapiSandboxSeeder,
  ],
})
export class CapiModule {}
