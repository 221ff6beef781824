import { AppSettingEntity } from './entities/app-setting.entity';
import { ConversationSnoozeEntity } from './entities/conversation-snooze.entity';

/** Tables of the assignment module. */
export const ASSIGNMENT_ENTITIES = [ConversationSnoozeEntity, AppSettingEntity];
