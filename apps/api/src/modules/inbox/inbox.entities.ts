import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { PendingMessageEventEntity } from './entities/pending-message-event.entity';
import { ContactSearchEntity, MessageSearchEntity } from './entities/search-document.entity';

/** Tables of the inbox module. */
export const INBOX_ENTITIES = [ContactEntity, ConversationEntity, MessageEntity, PendingMessageEventEntity, MessageSearchEntity, ContactSearchEntity];
