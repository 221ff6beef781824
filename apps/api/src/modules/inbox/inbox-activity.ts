import { Injectable, Logger } from '@nestjs/common';
import { ConversationStatus, InboxMessageDirection, InboxMessageKind, InboxMessageSource, InboxMessageStatus } from '@ticklegram/domain-models';

/** What reporting needs of a message that changed (never its text). */
export interface TouchedMessage {
  id: string;
  direction: InboxMessageDirection;
  source: InboxMessageSource;
  status: InboxMessageStatus;
  kind: InboxMessageKind;
  sentAt: Date;
}

/**
 * What a change touched, when the announcer knows: one message (created or updated; no other message of the
 * conversation changed), or only the conversation's own row (status, assignee, labels, contact — none of its messages).
 */
export type TouchedPart = { kind: 'message'; message: TouchedMessage } | { kind: 'conversation' };

/** A conversation, or one of its messages, changed and the change is committed. */
export interface ConversationTouched {
  conversationId: string;
  /** The status when it was announced; absent when only a message changed. */
  status?: ConversationStatus;
  /** Absent: anything of the conversation may have changed (e.g. many messages at once). */
  part?: TouchedPart;
}

export type InboxActivityListener = (touched: ConversationTouched) => void;

/**
 * Lets other modules follow the inbox's committed changes without the inbox knowing them (analytics keeps
 * its rollups with it). `InboxGateway` reports every change it announces; listeners must not throw and must
 * not block (queue the work).
 */
@Injectable()
export class InboxActivity {
  private readonly logger = new Logger(InboxActivity.name);
  private readonly listeners: InboxActivityListener[] = [];

  subscribe(listener: InboxActivityListener): void {
    this.listeners.push(listener);
  }

  touched(touched: ConversationTouched): void {
    for (const listener of this.listeners) {
      try {
        listener(touched);
      } catch (err) {
        this.logger.warn({ err, conversationId: touched.conversationId }, 'inbox activity listener failed');
      }
    }
  }
}
