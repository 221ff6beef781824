import { CommentEntity } from '../comments/entities/comment.entity';
import { ContactEntity } from '../inbox/entities/contact.entity';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { MessageEntity } from '../inbox/entities/message.entity';
import { PendingMessageEventEntity } from '../inbox/entities/pending-message-event.entity';
import { StoryInsightEntity } from '../insights/entities/story-insight.entity';
import { AppliedEventEntity } from './entities/applied-event.entity';
import { WebhookEventEntity } from './entities/webhook-event.entity';

/** Entities of webhook ingestion and the tables it applies to (spread into the global ENTITIES list). */
export const INGESTION_ENTITIES = [
  WebhookEventEntity,
  AppliedEventEntity,
  ContactEntity,
  ConversationEntity,
  MessageEntity,
  PendingMessageEventEntity,
  CommentEntity,
  StoryInsightEntity,
];
