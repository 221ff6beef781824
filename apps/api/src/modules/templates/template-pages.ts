import { Injectable, Logger } from '@nestjs/common';
import { ChannelStatus, MessagePlatform, TemplatesErrorCode } from '@ticklegram/domain-models';
import { GraphAuth, isMetaGraphError } from '@ticklegram/meta-graph';
import type { ChannelRef } from '../channels/channel-ref';
import { ChannelsService } from '../channels/channels.service';
import { TemplatesException } from './templates.exception';

export interface TemplatePage {
  channel: ChannelRef;
  auth: GraphAuth;
  pageId: string;
}

/** Graph kinds that say something about the channel's health (token, permissions, Meta blocks). */
const CHANNEL_HEALTH_KINDS = new Set(['reauth_required', 'permission', 'temporarily_blocked']);

/**
 * The Facebook Page behind a template operation, and Meta's failures in plain words. Templates are a
 * Messenger feature: only active Facebook Page channels have them.
 */
@Injectable()
export class TemplatePages {
  private readonly logger = new Logger(TemplatePages.name);

  constructor(private readonly channels: ChannelsService) {}

  /** The channel if it is a Facebook Page (any status), else a 400. */
  async channel(channelId: string): Promise<ChannelRef> {
    const channel = await this.channels.getById(channelId);
    if (!channel || channel.platform !== MessagePlatform.FACEBOOK) {
      throw new TemplatesException(TemplatesErrorCode.TEMPLATE_CHANNEL_INVALID, 'Utility templates belong to a Facebook Page: pick a connected Page.');
    }
    return channel;
  }

  /** The Page and its Graph auth for a call to Meta; the channel must be connected and working. */
  async page(channelId: string): Promise<TemplatePage> {
    const channel = await this.channel(channelId);
    if (channel.status !== ChannelStatus.ACTIVE) {
      throw new TemplatesException(
        TemplatesErrorCode.TEMPLATE_CHANNEL_INVALID,
        `${channel.name} is not connected right now, so Meta cannot be asked. Reconnect it under Accounts first.`,
      );
    }
    const target = await this.channels.sendTarget(channel);
    return { channel, auth: target.auth, pageId: target.senderId };
  }

  /** Pages whose templates can be read from Meta now. */
  activePages(): Promise<ChannelRef[]> {
    return this.channels.listRefs(MessagePlatform.FACEBOOK, [ChannelStatus.ACTIVE]);
  }

  /** Runs a Graph call for `page`; Meta's errors become a templates error that says `what` failed and why. */
  async call<T>(page: TemplatePage, what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw await this.explain(page, what, error);
    }
  }

  async explain(page: TemplatePage, what: string, error: unknown): Promise<TemplatesException> {
    if (!isMetaGraphError(error)) {
      this.logger.warn({ err: error, channelId: page.channel.id }, `${what} failed`);
      return new TemplatesException(TemplatesErrorCode.TEMPLATE_META_UNAVAILABLE, `${what}: Meta could not be reached. Try again in a minute.`);
    }
    if (CHANNEL_HEALTH_KINDS.has(error.kind)) await this.channels.recordGraphError(page.channel.id, error).catch(() => undefined);
    if (error.kind === 'retryable' || error.kind === 'rate_limited') {
      return new TemplatesException(TemplatesErrorCode.TEMPLATE_META_UNAVAILABLE, `${what}: Meta is not answering right now. Try again in a minute.`);
    }
    if (error.kind === 'permission') {
      return new TemplatesException(
        TemplatesErrorCode.TEMPLATE_META_REJECTED,
        `${what}: Meta refused because ${page.channel.name} has not granted TickleGram the permission for utility templates (page_utility_messaging). Reconnect the Page under Accounts and allow it.`,
      );
    }
    const detail = error.metaUserMessage ? `Meta says: ${error.metaUserMessage}` : error.userMessage;
    return new TemplatesException(TemplatesErrorCode.TEMPLATE_META_REJECTED, `${what}: ${detail}`);
  }
}
