import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { PendingMessageEventEntity } from './entities/pending-message-event.entity';

/** Tables of the inbox module. */
export const INBOX_ENTITIES = [ContactEntity, ConversationEntity, MessageEntity, PendingMessageEventEntity];
