import { Injectable } from '@nestjs/common';
import { MessageEditEvent, MessageUnsendEvent, ReactionEvent } from '@ticklegram/domain-models';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../../webhooks/ingestion/event-applier';
import { MessageRefUpdater } from './message-ref.updater';

type ChangeEvent = MessageEditEvent | MessageUnsendEvent | ReactionEvent;

/** Edits, unsends and reactions: applied to the message they name, or parked until it lands. */
@Injectable()
@AppliesEvents('message_edit', 'message_unsend', 'reaction')
export class MessageChangesApplier implements EventApplier<ChangeEvent> {
  constructor(private readonly refs: MessageRefUpdater) {}

  apply(event: ChangeEvent, ctx: ApplyContext): Promise<ApplyResult> {
    return this.refs.applyOrPark(event, [event.mid], ctx);
  }
}
