import { Injectable } from '@nestjs/common';
import type { PassThroughFile } from '../../media/media-storage.service';
import type { ConversationEntity } from '../entities/conversation.entity';
import type { MessageEntity, StoredAttachment } from '../entities/message.entity';

/**
 * A platform module's attachments that are passed through from Meta for one response and never stored
 * (Instagram story mentions). The inbox serves them to those who may see the conversation and marks them
 * expired; the source fetches them and says what their expiry means.
 */
export interface PassThroughMediaSource {
  /** The attachment types this source serves; one source per type. */
  readonly attachmentTypes: readonly StoredAttachment['type'][];
  /** Meta's file for this one response, or `'expired'` once its link stopped working for good. */
  fetch(attachment: StoredAttachment): Promise<PassThroughFile | 'expired'>;
  /** After the inbox stored that the attachment expired and announced the message (`message.updated`): the source's own announcement. */
  expired(conversation: Pick<ConversationEntity, 'id' | 'assigneeId'>, message: MessageEntity, index: number): void;
}

/** Platform modules register here at boot (`onModuleInit`), so the inbox serves their media without knowing them. */
@Injectable()
export class PassThroughMediaSources {
  private readonly byType = new Map<string, PassThroughMediaSource>();

  register(source: PassThroughMediaSource): void {
    const taken = source.attachmentTypes.find((type) => this.byType.has(type));
    if (taken) throw new Error(`two pass-through media sources claim attachment type "${taken}"`);
    for (const type of source.attachmentTypes) this.byType.set(type, source);
  }

  /** The source of an attachment of this type, if it is passed through. */
  sourceFor(type: string): PassThroughMediaSource | undefined {
    return this.byType.get(type);
  }
}
