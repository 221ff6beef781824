import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TemplateStatus, TemplateSyncResponse } from '@ticklegram/domain-models';
import { collect } from '@ticklegram/meta-graph';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { isDuplicateKeyError } from '../../database/database-errors';
import type { ChannelRef } from '../channels/channel-ref';
import { JobLeases } from '../jobs/job-leases.service';
import { MetaGraph } from '../meta/meta.module';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { MessageTemplateRepository } from './repositories/message-template.repository';
import { fromMetaTemplate, ParsedMetaTemplate, parseStatus } from './template-components';
import { applyStatus, TemplateChanges } from './template-changes';
import { TemplatePages } from './template-pages';

type Counts = Omit<TemplateSyncResponse, 'channels' | 'failures'>;

/**
 * Polling, the fallback for the status webhook: every tick asks Meta about templates still in review,
 * and every few minutes reads each Page's whole template list — importing templates made elsewhere
 * (Meta Business Suite, the library) and dropping those deleted on Meta.
 */
@Injectable()
export class TemplateSyncService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TemplateSyncService.name);
  private running = false;
  private lastFullSync = 0;
  /** The full sync in progress in this process: a manual one waits for the timed one (and the other way round). */
  private fullSync: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly templates: MessageTemplateRepository,
    private readonly pages: TemplatePages,
    private readonly graph: MetaGraph,
    private readonly changes: TemplateChanges,
    private readonly leases: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    const { pollIntervalSeconds } = this.config.templates;
    if (pollIntervalSeconds <= 0) return;
    this.leases.every('templates.sync', pollIntervalSeconds * 1000, () => this.tick());
  }

  /** One poll round: pending statuses, then a full sync when it is due. Never overlaps itself. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.pollPending();
      if (Date.now() - this.lastFullSync >= this.config.templates.syncIntervalMinutes * 60_000) await this.syncAll();
    } catch (error) {
      this.logger.error({ err: error }, 'template sync failed');
    } finally {
      this.running = false;
    }
  }

  /** Asks Meta for the status of every template still in review. */
  async pollPending(): Promise<number> {
    let changed = 0;
    for (const template of await this.templates.listPending()) {
      try {
        const page = await this.pages.page(template.channelId);
        const wire = await this.graph.templates.getTemplateStatus(page.auth, template.externalId as string);
        const status = parseStatus(wire.status);
        if (status && (await this.setStatus(template, status, wire.rejected_reason ?? null))) changed += 1;
      } catch (error) {
        this.logger.warn({ err: error instanceof Error ? error.message : String(error), templateId: template.id }, 'could not poll a template status');
      }
    }
    return changed;
  }

  /** Every active Page's templates; after the full sync already running in this process, if any (Meta is read once at a time). */
  syncAll(): Promise<TemplateSyncResponse> {
    const run = this.fullSync.then(() => this.syncAllNow());
    this.fullSync = run.catch(() => undefined);
    return run;
  }

  private async syncAllNow(): Promise<TemplateSyncResponse> {
    this.lastFullSync = Date.now();
    const result: TemplateSyncResponse = { channels: 0, created: 0, updated: 0, removed: 0, failures: [] };
    for (const channel of await this.pages.activePages()) {
      try {
        const counts = await this.syncChannel(channel);
        result.channels += 1;
        result.created += counts.created;
        result.updated += counts.updated;
        result.removed += counts.removed;
      } catch (error) {
        result.failures.push({ channelId: channel.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return result;
  }

  /** Reads the Page's templates from Meta and makes ours match. Throws (plain words) when Meta cannot be read. */
  async syncChannel(channel: ChannelRef): Promise<Counts> {
    const page = await this.pages.page(channel.id);
    const startedAt = new Date();
    const wires = await this.pages.call(page, `Could not read ${channel.name}’s templates from Meta`, () =>
      collect(this.graph.templates.iterateTemplates(page.auth, page.pageId, { limit: 100 })),
    );
    const remote = wires.map(fromMetaTemplate).filter((t): t is ParsedMetaTemplate => t !== null);
    const counts: Counts = { created: 0, updated: 0, removed: 0 };
    for (const parsed of remote) {
      const outcome = await this.upsert(channel.id, parsed);
      if (outcome === 'created') counts.created += 1;
      if (outcome === 'updated') counts.updated += 1;
    }
    const seen = new Set(remote.map((t) => t.externalId));
    for (const local of await this.templates.list({ channelIds: [channel.id] })) {
      // submitted after Meta's list was read: it is simply not in that list yet
      if (!local.externalId || seen.has(local.externalId) || (local.submittedAt ?? local.createdAt) >= startedAt) continue;
      if (!(await this.templates.remove(local.id))) continue;
      await this.changes.deleted(local, null, { source: 'meta', reason: 'no longer on the Page' });
      counts.removed += 1;
    }
    return counts;
  }

  private async upsert(channelId: string, parsed: ParsedMetaTemplate): Promise<'created' | 'updated' | 'same'> {
    const known =
      (await this.templates.findByExternalId(channelId, parsed.externalId)) ??
      (await this.templates.findByNameAndLanguage(channelId, parsed.name, parsed.language));
    if (!known) {
      try {
        const now = new Date();
        const created = await this.templates.save(
          this.templates.create({
            channelId,
            externalId: parsed.externalId,
            name: parsed.name,
            language: parsed.language,
            status: parsed.status,
            statusReasonCode: parsed.status === TemplateStatus.APPROVED ? null : parsed.reasonCode,
            content: parsed.content,
            libraryTemplateName: null,
            createdById: null,
            submittedAt: null,
            statusUpdatedAt: now,
            metaStatusAt: null,
          }),
        );
        await this.changes.announce(created, null, 'template.imported', null, { externalId: parsed.externalId, source: 'meta' });
        return 'created';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'same';
        throw error;
      }
    }
    if (known.externalId !== parsed.externalId) {
      // a draft whose submit answer was lost, or a template Meta recreated under the same name
      const previous = known.status;
      const readExternalId = known.externalId;
      known.externalId = parsed.externalId;
      known.content = parsed.content;
      known.submittedAt ??= new Date();
      applyStatus(known, parsed.status, parsed.reasonCode, new Date());
      // another sync (or the status webhook) linked it since it was read: that one records it
      if (!(await this.templates.relinkIfUnchanged(known, readExternalId))) return 'same';
      await this.changes.announce(known, previous, 'template.linked', null, { externalId: parsed.externalId, source: 'poll' });
      return 'updated';
    }
    return (await this.setStatus(known, parsed.status, parsed.reasonCode)) ? 'updated' : 'same';
  }

  private async setStatus(template: MessageTemplateEntity, status: TemplateStatus, reasonCode: string | null): Promise<boolean> {
    const previous = template.status;
    const read = { status: template.status, statusReasonCode: template.statusReasonCode };
    if (!applyStatus(template, status, reasonCode, new Date())) return false;
    if (!(await this.templates.saveStatusIfUnchanged(template, read))) return false;
    await this.changes.announce(template, previous, 'template.status_changed', null, { source: 'poll', reasonCode: template.statusReasonCode });
    return true;
  }
}
