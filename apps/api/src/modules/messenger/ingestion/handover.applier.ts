import { Inject, Injectable } from '@nestjs/common';
import { HandoverEvent, MessagePlatform } from '@ticklegram/domain-models';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { ChannelsService } from '../../channels/channels.service';
import { ownerFromHandover } from '../../inbox/ingestion/thread-control.rules';
import { ThreadControlService } from '../../inbox/thread-control.service';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../../webhooks/ingestion/event-applier';
import { FacebookPageEntity } from '../entities/facebook-page.entity';
import { FacebookPageRepository } from '../repositories/facebook-page.repository';

/**
 * Messenger's Handover Protocol (`messaging_handovers`): who controls a conversation (pass / take →
 * the inbox's thread owner, announced live), and this app's roles on the Page (`app_roles`). Instagram
 * ended the protocol on 2025-10-23, so Instagram handover events stay unhandled (and visible).
 */
@Injectable()
@AppliesEvents({ types: ['handover'], platforms: [MessagePlatform.FACEBOOK] })
export class HandoverApplier implements EventApplier<HandoverEvent> {
  private readonly ourAppIds: string[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly threadControl: ThreadControlService,
    private readonly pages: FacebookPageRepository,
    private readonly channels: ChannelsService,
  ) {
    this.ourAppIds = [...new Set([config.meta.appId, config.meta.instagramAppId].filter(Boolean))];
  }

  async apply(event: HandoverEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const at = new Date(event.timestamp ?? event.entryTime ?? Date.now());
    switch (event.action) {
      case 'app_roles':
        return this.applyRoles(event, ctx);
      case 'request_thread_control':
        // the owner decides; nothing changes until it passes control
        return {
          outcome: 'noted',
          detail: `app ${event.requestedOwnerAppId ?? '?'} asked for control of this conversation; it stays with its owner until passed`,
        };
      default: {
        const change = ownerFromHandover(event.newOwnerAppId, this.ourAppIds, at);
        if (!change || !event.customerExternalId) return { outcome: 'noted', detail: `${event.action} without a new owner or customer` };
        const result = await this.threadControl.applyOwner(ctx, event.customerExternalId, change);
        if (result === 'no_conversation') return { outcome: 'noted', detail: 'no conversation with this customer yet; the next message records who owns it' };
        return {
          outcome: 'applied',
          detail:
            result === 'unchanged'
              ? 'owner already known (or a newer change was applied)'
              : `now owned by ${change.ownedBy === 'this_app' ? 'this app' : `app ${change.appId}`}`,
        };
      }
    }
  }

  private async applyRoles(event: HandoverEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const roles = this.ourAppIds.flatMap((id) => event.appRoles?.[id] ?? []);
    await ctx.manager.update(FacebookPageEntity, { id: ctx.channel.id }, { appRoles: [...new Set(roles)], updatedAt: new Date() });
    ctx.afterCommit(async () => {
      this.channels.invalidate();
      const page = await this.pages.findById(ctx.channel.id);
      if (page) this.channels.emitUpdated(page);
    });
    return { outcome: 'applied', detail: roles.length ? `this app is ${roles.join(', ')}` : 'this app has no handover role on the Page' };
  }
}
