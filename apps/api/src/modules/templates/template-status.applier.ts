import { Injectable } from '@nestjs/common';
import { MessagePlatform, TemplateStatus, TemplateStatusEvent } from '@ticklegram/domain-models';
import { MetaGraph } from '../meta/meta.module';
import type { ChannelRef } from '../channels/channel-ref';
import { AppliesEvents } from '../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../webhooks/ingestion/event-applier';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { MessageTemplateRepository } from './repositories/message-template.repository';
import { fromMetaTemplate, ParsedMetaTemplate, parseStatus } from './template-components';
import { applyStatus, TemplateChanges } from './template-changes';
import { TemplatePages } from './template-pages';

interface Prepared {
  /** A template we did not know, read from Meta (outside the transaction) so it can be stored. */
  imported: ParsedMetaTemplate | null;
}

/**
 * Meta's review result (`messenger_template_status_update` / `message_template_status_update`, both
 * normalised to `template_status`): moves the template to APPROVED, REJECTED (with the reason), PAUSED,
 * DISABLED… A template made outside TickleGram is read from Meta first and stored.
 */
@Injectable()
@AppliesEvents({ types: ['template_status'], platforms: [MessagePlatform.FACEBOOK] })
export class TemplateStatusApplier implements EventApplier<TemplateStatusEvent, Prepared> {
  constructor(
    private readonly templates: MessageTemplateRepository,
    private readonly pages: TemplatePages,
    private readonly graph: MetaGraph,
    private readonly changes: TemplateChanges,
  ) {}

  async prepare(event: TemplateStatusEvent, channel: ChannelRef): Promise<Prepared> {
    if (!event.templateId) return { imported: null };
    if (await this.templates.findByExternalId(channel.id, event.templateId)) return { imported: null };
    if (event.templateName && event.language && (await this.templates.findByNameAndLanguage(channel.id, event.templateName, event.language)))
      return { imported: null };
    try {
      const page = await this.pages.page(channel.id);
      return { imported: fromMetaTemplate(await this.graph.templates.getTemplateStatus(page.auth, event.templateId)) };
    } catch {
      // the next full sync imports it
      return { imported: null };
    }
  }

  async apply(event: TemplateStatusEvent, ctx: ApplyContext, prepared: Prepared | undefined): Promise<ApplyResult> {
    const status = parseStatus(event.status);
    if (!status) return { outcome: 'noted', detail: `unknown template status ${event.status ?? '(none)'}` };
    const now = new Date();
    const metaTime = event.entryTime ?? event.timestamp;
    let template = await this.templates.findForStatusEvent(ctx.manager, ctx.channel.id, event.templateId, event.templateName, event.language);
    let previous: TemplateStatus | null = template?.status ?? null;
    let action = 'template.status_changed';
    if (!template) {
      const imported = prepared?.imported;
      if (!imported) return { outcome: 'noted', detail: 'template not known here yet; the next sync imports it' };
      template = ctx.manager.create(MessageTemplateEntity, {
        channelId: ctx.channel.id,
        externalId: imported.externalId,
        name: imported.name,
        language: imported.language,
        status: imported.status,
        statusReasonCode: imported.reasonCode,
        content: imported.content,
        libraryTemplateName: null,
        createdById: null,
        submittedAt: null,
        statusUpdatedAt: null,
        metaStatusAt: null,
      });
      previous = null;
      action = 'template.imported';
    }
    if (!template.externalId && event.templateId) {
      // the webhook beat the answer to our own submit
      template.externalId = event.templateId;
      template.submittedAt ??= now;
    }
    const changed = applyStatus(template, status, event.reason, now, metaTime !== null ? new Date(metaTime) : null);
    await this.templates.saveIn(ctx.manager, template);
    if (!changed && action !== 'template.imported') return { outcome: 'noted', detail: 'status unchanged or older than the one stored' };
    const stored = template;
    ctx.afterCommit(() =>
      this.changes.announce(stored, previous, action, null, { source: 'webhook', field: event.field, reasonCode: stored.statusReasonCode }),
    );
    return { outcome: 'applied' };
  }
}
