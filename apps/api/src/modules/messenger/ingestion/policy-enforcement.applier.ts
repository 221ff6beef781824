import { Injectable } from '@nestjs/common';
import { MessagePlatform, PolicyEnforcementEvent } from '@ticklegram/domain-models';
import { AuditService } from '../../audit/audit.service';
import { ChannelsService } from '../../channels/channels.service';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../../webhooks/ingestion/event-applier';
import { FacebookPageEntity } from '../entities/facebook-page.entity';
import { FacebookPageRepository } from '../repositories/facebook-page.repository';
import { nextRestriction } from './page-restriction.rules';

/**
 * `messaging_policy_enforcement` on a Page: `block` restricts sending (shown on the channel card and in
 * every conversation's reply policy) until `unblock`; `warning` is a notice. Applied in event-time order;
 * audited and announced with `channel.updated`.
 */
@Injectable()
@AppliesEvents({ types: ['policy_enforcement'], platforms: [MessagePlatform.FACEBOOK] })
export class PolicyEnforcementApplier implements EventApplier<PolicyEnforcementEvent> {
  constructor(
    private readonly pages: FacebookPageRepository,
    private readonly channels: ChannelsService,
    private readonly audit: AuditService,
  ) {}

  async apply(event: PolicyEnforcementEvent, ctx: ApplyContext): Promise<ApplyResult> {
    const page = await ctx.manager.findOneBy(FacebookPageEntity, { id: ctx.channel.id });
    if (!page) return { outcome: 'noted', detail: 'the Page is no longer connected' };
    const at = new Date(event.timestamp ?? event.entryTime ?? Date.now());
    const next = nextRestriction({ action: page.restrictionAction, at: page.restrictionAt }, { action: event.action, reason: event.reason, at });
    if (!next) return { outcome: 'applied', detail: `older than the stored policy state, or not an action we know (${event.action ?? 'none'})` };
    await ctx.manager.update(
      FacebookPageEntity,
      { id: page.id },
      { restrictionAction: next.action, restrictionReason: next.reason?.slice(0, 500) ?? null, restrictionAt: at, updatedAt: new Date() },
    );
    ctx.afterCommit(async () => {
      this.channels.invalidate();
      await this.audit.record({
        actor: null,
        action: event.action === 'unblock' ? 'channel.restriction_lifted' : event.action === 'block' ? 'channel.restricted' : 'channel.policy_warning',
        target: { type: 'facebook_page', id: page.id },
        details: { name: page.name, reason: event.reason },
      });
      const fresh = await this.pages.findById(page.id);
      if (fresh) this.channels.emitUpdated(fresh);
    });
    return { outcome: 'applied', detail: `Page ${next.action ?? 'no longer restricted'}` };
  }
}
