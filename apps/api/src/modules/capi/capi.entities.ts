import { CapiEventEntity } from './entities/capi-event.entity';
import { CapiSettingsEntity } from './entities/capi-settings.entity';
import { ConversionOutcomeEntity } from './entities/conversion-outcome.entity';

/** Tables of the capi module. */
export const CAPI_ENTITIES = [CapiSettingsEntity, ConversionOutcomeEntity, CapiEventEntity];
