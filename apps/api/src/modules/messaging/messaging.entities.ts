import { AppSettingEntity } from '../assignment/entities/app-setting.entity';
import { ConversationSnoozeEntity } from '../assignment/entities/conversation-snooze.entity';
import { UploadEntity } from './entities/upload.entity';

/** Tables of the outbound pipeline and assignment (spread into the global ENTITIES list). */
export const MESSAGING_ENTITIES = [UploadEntity, ConversationSnoozeEntity, AppSettingEntity];
