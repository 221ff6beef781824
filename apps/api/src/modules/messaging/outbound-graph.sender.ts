import { Injectable } from '@nestjs/common';
import { QuickReplyInput, ReplyPolicy } from '@ticklegram/domain-models';
import { OutboundMessage, SendMessageResponse, SendOptions, UtilityTemplateMessage, WireAttachment } from '@ticklegram/meta-graph';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { MetaGraph } from '../meta/meta.module';

export interface OutboundContent {
  text: string | null;
  /** Public URLs Meta fetches (our signed upload links). */
  attachments: { kind: 'image' | 'audio' | 'video' | 'file'; url: string }[];
  quickReplies: QuickReplyInput[];
  replyToMid: string | null;
  /** Echoed back by Meta in the `message_echoes` webhook: lets ingestion match the echo to our row. */
  clientKey: string;
  /** A utility template instead of text/attachments (`messaging_type: UTILITY`). */
  template?: UtilityTemplateMessage | null;
}

/** Turns a stored outbound message into the Send API call the reply policy allows (to the target the channel's platform names). */
@Injectable()
export class OutboundGraphSender {
  constructor(
    private readonly graph: MetaGraph,
    private readonly channels: ChannelsService,
  ) {}

  async send(channel: ChannelRef, recipientId: string, content: OutboundContent, policy: ReplyPolicy): Promise<SendMessageResponse> {
    const target = await this.channels.sendTarget(channel);
    const message: OutboundMessage = { metadata: content.clientKey };
    if (content.template) {
      message.template = content.template;
      return this.graph.messaging.send(target, { recipient: { id: recipientId }, message, messagingType: 'UTILITY' });
    }
    if (content.text !== null) message.text = content.text;
    if (content.quickReplies.length) {
      message.quick_replies = content.quickReplies.map((q) =>
        (q.contentType ?? 'text') === 'text' ? { content_type: 'text', title: q.title, payload: q.payload } : { content_type: q.contentType ?? 'text' },
      );
    }
    const wire: WireAttachment[] = content.attachments.map((a) => ({ type: a.kind, payload: { url: a.url } }));
    if (wire.length === 1) message.attachment = wire[0];
    else if (wire.length > 1) message.attachments = wire;
    return this.graph.messaging.send(target, { recipient: { id: recipientId }, message, ...this.optionsFor(policy, content.replyToMid) });
  }

  async react(channel: ChannelRef, recipientId: string, mid: string, action: 'react' | 'unreact', reaction: string): Promise<void> {
    const target = await this.channels.sendTarget(channel);
    if (action === 'react') await this.graph.messaging.react(target, recipientId, mid, reaction);
    else await this.graph.messaging.unreact(target, recipientId, mid);
  }

  async senderAction(channel: ChannelRef, recipientId: string, action: 'mark_seen' | 'typing_on' | 'typing_off'): Promise<void> {
    const target = await this.channels.sendTarget(channel);
    await this.graph.messaging.senderAction(target, recipientId, action);
  }

  private optionsFor(policy: ReplyPolicy, replyToMid: string | null): SendOptions {
    const options: SendOptions = {};
    if (policy.mode === 'human_agent') {
      options.messagingType = 'MESSAGE_TAG';
      options.tag = policy.tag;
    } else {
      options.messagingType = 'RESPONSE';
    }
    if (replyToMid) options.replyToMid = replyToMid;
    return options;
  }
}
