import { ConversationLabelEntity } from './entities/conversation-label.entity';
import { LabelEntity } from './entities/label.entity';

/** Tables of the labels module. */
export const LABELS_ENTITIES = [LabelEntity, ConversationLabelEntity];
