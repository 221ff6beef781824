import { Injectable } from '@nestjs/common';
import { DeliveryEvent, ReadEvent } from '@ticklegram/domain-models';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../../webhooks/ingestion/event-applier';
import { ConversationWriter } from './conversation-writer';
import { MessageRefUpdater } from './message-ref.updater';
import { raiseWatermark } from './message-state.rules';

type ReceiptEvent = ReadEvent | DeliveryEvent;

/**
 * Read and delivery receipts. Messenger sends a watermark (everything the business sent before it is
 * read / delivered, also messages that land later); Instagram names a message (`read {mid}`), and
 * deliveries may list mids — those are applied to (or parked for) the messages they name.
 */
@Injectable()
@AppliesEvents('read', 'delivery')
export class ReceiptsApplier implements EventApplier<ReceiptEvent> {
  constructor(
    private readonly refs: MessageRefUpdater,
    private readonly writer: ConversationWriter,
  ) {}

  apply(event: ReceiptEvent, ctx: ApplyContext): Promise<ApplyResult> {
    if (event.type === 'read' && event.mid) return this.refs.applyOrPark(event, [event.mid], ctx);
    if (event.type === 'delivery' && event.mids.length) return this.refs.applyOrPark(event, event.mids, ctx);
    return this.applyWatermark(event, ctx);
  }

  private async applyWatermark(event: ReceiptEvent, ctx: ApplyContext): Promise<ApplyResult> {
    if (event.actor !== 'customer' || !event.customerExternalId || event.watermark === null) return { outcome: 'noted', detail: 'no customer watermark' };
    const conversation = await this.writer.lock(ctx.manager, ctx.channel.id, event.customerExternalId);
    if (!conversation) return { outcome: 'noted', detail: 'no conversation yet' };
    const watermark = new Date(event.watermark);
    raiseWatermark(conversation, event.type === 'read' ? 'customerReadAt' : 'customerDeliveredAt', watermark);
    await this.writer.save(ctx.manager, conversation);
    await this.refs.markOutbound(conversation, watermark, event.type === 'read' ? 'read' : 'delivered', ctx);
    return { outcome: 'applied' };
  }
}
