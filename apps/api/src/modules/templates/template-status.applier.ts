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

/** Reads of a template whose status others keep changing, before the event is noted as superseded. */
const STATUS_READS = 3;

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
    const metaTime = event.entryTime ?? event.timestamp;
    const metaAt = metaTime !== null ? new Date(metaTime) : null;
    for (let reads = 1; reads <= STATUS_READS; reads += 1) {
      const template = await this.templates.findForStatusEvent(ctx.manager, ctx.channel.id, event.templateId, event.templateName, event.language);
      if (!template) return this.importUnknown(event, ctx, prepared, status, metaAt);
      const result = await this.updateKnown(template, event, ctx, status, metaAt);
      if (result) return result;
    }
    return { outcome: 'noted', detail: 'the template kept changing while this status was applied' };
  }

  /**
   * The status is written only if the row still has the one it was read with: the poll or a sync (another process,
   * outside this transaction) may record the same change meanwhile, and a change is audited and announced once. Null
   * when that happened: read the row again.
   */
  private async updateKnown(
    template: MessageTemplateEntity,
    event: TemplateStatusEvent,
    ctx: ApplyContext,
    status: TemplateStatus,
    metaAt: Date | null,
  ): Promise<ApplyResult | null> {
    const previous = template.status;
    const read = { status: template.status, statusReasonCode: template.statusReasonCode };
    if (!template.externalId && event.templateId) {
      // the webhook beat the answer to our own submit
      template.externalId = event.templateId;
      template.submittedAt ??= new Date();
      await this.templates.linkIn(ctx.manager, template);
    }
    const metaStatusAt = template.metaStatusAt?.getTime();
    if (!applyStatus(template, status, event.reason, new Date(), metaAt)) {
      // a stale webhook changes nothing; a repeated status moves only Meta's time
      if (template.metaStatusAt?.getTime() !== metaStatusAt) await this.templates.saveMetaStatusAtIn(ctx.manager, template);
      return { outcome: 'noted', detail: 'status unchanged or older than the one stored' };
    }
    if (!(await this.templates.saveStatusIfUnchanged(template, read, ctx.manager))) return null;
    ctx.afterCommit(() =>
      this.changes.announce(template, previous, 'template.status_changed', null, {
        source: 'webhook',
        field: event.field,
        reasonCode: template.statusReasonCode,
      }),
    );
    return { outcome: 'applied' };
  }

  /** A template made outside TickleGram, read from Meta in `prepare`: stored with this status. */
  private async importUnknown(
    event: TemplateStatusEvent,
    ctx: ApplyContext,
    prepared: Prepared | undefined,
    status: TemplateStatus,
    metaAt: Date | null,
  ): Promise<ApplyResult> {
    const imported = prepared?.imported;
    if (!imported) return { outcome: 'noted', detail: 'template not known here yet; the next sync imports it' };
    const template = ctx.manager.create(MessageTemplateEntity, {
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
    applyStatus(template, status, event.reason, new Date(), metaAt);
    await this.templates.saveIn(ctx.manager, template);
    ctx.afterCommit(() =>
      this.changes.announce(template, null, 'template.imported', null, { source: 'webhook', field: event.field, reasonCode: template.statusReasonCode }),
    );
    return { outcome: 'applied' };
  }
}
