import { Inject, Injectable } from '@nestjs/common';
import { ConversationWire, GraphAuth } from '@ticklegram/meta-graph';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import type { HistoryMessage } from '../inbox/history/history-merge.service';
import { MetaGraph } from '../meta/meta.module';
import { BusinessIdentity, customerOf, graphTime, toHistoryMessage } from './conversation-history.mapper';

/** Where a channel's conversations are read: the node, the platform, the token (paced per account), who the business is. */
export interface HistorySource {
  auth: GraphAuth;
  nodeId: string;
  platform: 'messenger' | 'instagram';
  business: BusinessIdentity;
}

export interface ConversationsPage {
  conversations: ConversationWire[];
  /** Cursor of the page after this one; null on the last page. */
  next: string | null;
}

/**
 * Reads history through the Conversations API (`GET /{node}/conversations?platform=…`, then
 * `GET /{conversation}/messages`, both newest first). Every call goes through the Graph client's
 * per-account `conversations` rate class (2 calls/s per Page or Instagram account, shared across
 * replicas with Redis), keyed by the channel's Meta id — the account Meta counts the calls against.
 */
/** Meta allows 2 Conversations API calls per second per account; a little over half a second apart keeps any window under it. */
const CALL_SPACING_MS = 550;

@Injectable()
export class ConversationHistoryReader {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: MetaGraph,
    private readonly channels: ChannelsService,
  ) {}

  async source(channel: ChannelRef): Promise<HistorySource> {
    const target = await this.channels.sendTarget(channel);
    const ids = new Set([
      channel.externalId,
      ...(channel.linkedPageExternalId ? [channel.linkedPageExternalId] : []),
      ...(target.senderId !== 'me' ? [target.senderId] : []),
    ]);
    return {
      auth: { ...target.auth, accountKey: channel.externalId },
      nodeId: target.senderId,
      platform: target.platform,
      business: { ids, username: channel.username },
    };
  }

  async page(source: HistorySource, after: string | null): Promise<ConversationsPage> {
    await this.pace(source);
    const res = await this.graph.conversations.listConversations(source.auth, source.nodeId, {
      platform: source.platform,
      limit: this.config.history.pageSize,
      ...(after ? { after } : {}),
    });
    const next = res.paging?.next && res.paging.cursors?.after ? res.paging.cursors.after : null;
    return { conversations: res.data, next };
  }

  /** The customer of a listed conversation (null: none listed, e.g. a deleted account). */
  customerOf(source: HistorySource, conversation: ConversationWire): string | null {
    return customerOf(conversation, source.business);
  }

  updatedAt(conversation: ConversationWire): Date | null {
    return graphTime(conversation.updated_time);
  }

  /** The conversation's messages sent at or after `since` (and before `until` when given), oldest first. */
  async messages(source: HistorySource, conversationId: string, customerId: string, since: Date, until?: Date): Promise<HistoryMessage[]> {
    const out: HistoryMessage[] = [];
    let after: string | undefined;
    for (;;) {
      await this.pace(source);
      const page = await this.graph.conversations.listMessages(source.auth, conversationId, {
        limit: this.config.history.pageSize,
        accountKey: source.auth.accountKey,
        ...(after ? { after } : {}),
      });
      for (const wire of page.data) {
        const message = toHistoryMessage(wire, customerId);
        if (!message) continue;
        if (message.sentAt < since) return out.reverse();
        if (!until || message.sentAt < until) out.push(message);
      }
      const next = page.paging?.next ? page.paging.cursors?.after : undefined;
      if (!next || next === after) return out.reverse();
      after = next;
    }
  }

  /**
   * Spaces this process's calls for one account evenly (2/s → one every 550 ms). The shared limiter
   * keeps the budget across callers and replicas but counts in fixed windows, which lets two calls at
   * the end of one window and two at the start of the next go out together — Meta answers that with 613.
   */
  private async pace(source: HistorySource): Promise<void> {
    const key = source.auth.accountKey ?? source.nodeId;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, slot + CALL_SPACING_MS);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
