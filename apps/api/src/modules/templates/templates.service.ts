import { Injectable } from '@nestjs/common';
import {
  contentFromDraft,
  MessageTemplateDto,
  problemsByField,
  Role,
  TemplateButtonInput,
  TemplateDraft,
  TemplateListQuery,
  TemplatesErrorCode,
  TemplateStatus,
  validateTemplateDraft,
} from '@ticklegram/domain-models';
import { isMetaGraphError } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { isDuplicateKeyError } from '../../database/database-errors';
import { MetaGraph } from '../meta/meta.module';
import { CreateTemplateRequestDto, UpdateTemplateRequestDto } from './dto/template.request.dto';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { MessageTemplateRepository } from './repositories/message-template.repository';
import { fromMetaTemplate, parseStatus, toMetaComponents } from './template-components';
import { applyStatus, TemplateChanges } from './template-changes';
import { TemplatePage, TemplatePages } from './template-pages';
import { toTemplateDto } from './template.mapper';
import { TemplateNotFoundException, templateNameTaken, TemplatesException } from './templates.exception';

/** Meta: a template with this name and language already exists on the Page. */
const META_NAME_TAKEN = 2388024;
/** Meta: no such template (already deleted). */
const META_TEMPLATE_GONE = 2593002;

/**
 * The Page's utility templates: agents read approved ones; admins draft, edit drafts, submit to Meta for
 * review, and delete (on Meta too). Every change is audited and announced (`template.updated`).
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: MessageTemplateRepository,
    private readonly pages: TemplatePages,
    private readonly graph: MetaGraph,
    private readonly changes: TemplateChanges,
  ) {}

  async list(caller: AuthUser, query: TemplateListQuery): Promise<MessageTemplateDto[]> {
    const agent = caller.role !== Role.ADMIN;
    if (agent && query.status && query.status !== TemplateStatus.APPROVED) return [];
    const statuses = agent ? [TemplateStatus.APPROVED] : query.status ? [query.status] : undefined;
    const rows = await this.templates.list({ channelIds: query.channelId ? [query.channelId] : undefined, statuses, language: query.language });
    const search = query.search?.trim().toLowerCase();
    const found = search ? rows.filter((t) => t.name.toLowerCase().includes(search) || t.content.body.toLowerCase().includes(search)) : rows;
    return found.map(toTemplateDto);
  }

  async get(caller: AuthUser, id: string): Promise<MessageTemplateDto> {
    const template = await this.templates.findById(id);
    // agents see approved templates only; anything else answers like a template that does not exist
    if (!template || (caller.role !== Role.ADMIN && template.status !== TemplateStatus.APPROVED)) throw new TemplateNotFoundException();
    return toTemplateDto(template);
  }

  async create(actor: AuthUser, body: CreateTemplateRequestDto, ip: string | null): Promise<MessageTemplateDto> {
    const { channelId, submit, ...draft } = body;
    assertValid(draft);
    const channel = await this.pages.channel(channelId);
    await this.assertNameFree(channel.id, draft.name, draft.language);
    let template: MessageTemplateEntity;
    try {
      template = await this.templates.save(
        this.templates.create({
          channelId: channel.id,
          externalId: null,
          name: draft.name,
          language: draft.language,
          status: TemplateStatus.DRAFT,
          statusReasonCode: null,
          content: contentFromDraft(draft),
          libraryTemplateName: null,
          createdById: actor.id,
          submittedAt: null,
          statusUpdatedAt: null,
          metaStatusAt: null,
        }),
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw templateNameTaken(draft.name, draft.language);
      throw error;
    }
    await this.changes.announce(template, null, 'template.created', actor, {}, ip);
    return submit ? this.submit(actor, template.id, ip) : toTemplateDto(template);
  }

  async update(actor: AuthUser, id: string, body: UpdateTemplateRequestDto, ip: string | null): Promise<MessageTemplateDto> {
    const template = await this.draft(id);
    const current = draftOf(template);
    const next: TemplateDraft = { ...current, ...body };
    assertValid(next);
    if (next.name !== template.name || next.language !== template.language) await this.assertNameFree(template.channelId, next.name, next.language);
    template.name = next.name;
    template.language = next.language;
    template.content = contentFromDraft(next);
    try {
      await this.templates.save(template);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw templateNameTaken(next.name, next.language);
      throw error;
    }
    await this.changes.announce(template, TemplateStatus.DRAFT, 'template.updated', actor, { fields: Object.keys(body) }, ip);
    return toTemplateDto(template);
  }

  /** Sends a draft to Meta for review; it comes back PENDING (then the status webhook or the poll moves it on). */
  async submit(actor: AuthUser, id: string, ip: string | null): Promise<MessageTemplateDto> {
    const template = await this.draft(id);
    const page = await this.pages.page(template.channelId);
    let answer: { id: string; status?: string };
    try {
      answer = await this.graph.templates.submitTemplate(page.auth, page.pageId, {
        name: template.name,
        language: template.language,
        components: toMetaComponents(template.content),
        parameterFormat: template.content.parameterFormat === 'NAMED' ? 'NAMED' : undefined,
      });
    } catch (error) {
      // an earlier submit whose answer was lost (or a concurrent one) already created it: link to it
      if (isMetaGraphError(error) && error.subcode === META_NAME_TAKEN) {
        const linked = await this.linkExisting(page, template);
        if (linked) return this.afterSubmit(actor, linked, ip);
      }
      throw await this.pages.explain(page, `Meta did not accept ${template.name}`, error);
    }
    const fresh = (await this.templates.findById(template.id)) ?? template;
    if (fresh.status !== TemplateStatus.DRAFT) return toTemplateDto(fresh);
    fresh.externalId = String(answer.id);
    fresh.submittedAt = new Date();
    applyStatus(fresh, parseStatus(answer.status) ?? TemplateStatus.PENDING, null, new Date());
    return this.afterSubmit(actor, fresh, ip);
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    const template = await this.templates.findById(id);
    if (!template) throw new TemplateNotFoundException();
    if (template.externalId) {
      const page = await this.pages.page(template.channelId);
      try {
        await this.graph.templates.deleteTemplate(page.auth, page.pageId, { hsmId: template.externalId });
      } catch (error) {
        if (!(isMetaGraphError(error) && error.subcode === META_TEMPLATE_GONE))
          throw await this.pages.explain(page, `Meta did not delete ${template.name}`, error);
      }
    }
    await this.templates.remove(template.id);
    await this.changes.deleted(template, actor, { externalId: template.externalId, status: template.status }, ip);
  }

  private async afterSubmit(actor: AuthUser, template: MessageTemplateEntity, ip: string | null): Promise<MessageTemplateDto> {
    await this.templates.save(template);
    await this.changes.announce(template, TemplateStatus.DRAFT, 'template.submitted', actor, { externalId: template.externalId }, ip);
    return toTemplateDto(template);
  }

  /** Finds the template Meta already has under this name and language, and links the draft to it. */
  private async linkExisting(page: TemplatePage, template: MessageTemplateEntity): Promise<MessageTemplateEntity | null> {
    const listed = await this.graph.templates.listTemplates(page.auth, page.pageId, { name: template.name }).catch(() => null);
    const match = listed?.data.map(fromMetaTemplate).find((t) => t?.language === template.language);
    if (!match) return null;
    template.externalId = match.externalId;
    template.submittedAt = new Date();
    template.content = match.content;
    applyStatus(template, match.status, match.reasonCode, new Date());
    return template;
  }

  private async draft(id: string): Promise<MessageTemplateEntity> {
    const template = await this.templates.findById(id);
    if (!template) throw new TemplateNotFoundException();
    if (template.status !== TemplateStatus.DRAFT) {
      throw new TemplatesException(
        TemplatesErrorCode.TEMPLATE_NOT_DRAFT,
        `${template.name} was already submitted to Meta, which does not allow changes. Create a new template instead.`,
      );
    }
    return template;
  }

  private async assertNameFree(channelId: string, name: string, language: string): Promise<void> {
    if (await this.templates.findByNameAndLanguage(channelId, name, language)) throw templateNameTaken(name, language);
  }
}

function assertValid(draft: TemplateDraft): void {
  const problems = validateTemplateDraft(draft);
  if (problems.length > 0) throw new RequestValidationException(problemsByField(problems));
}

function draftOf(template: MessageTemplateEntity): TemplateDraft {
  const c = template.content;
  return {
    name: template.name,
    language: template.language,
    header: c.header?.format === 'TEXT' ? c.header.text : null,
    body: c.body,
    examples: c.examples,
    footer: c.footer,
    buttons: c.buttons.flatMap((b): TemplateButtonInput[] =>
      b.type === 'URL'
        ? [{ type: 'URL', text: b.text, url: b.url, urlExample: b.urlExample }]
        : b.type === 'QUICK_REPLY'
          ? [{ type: 'QUICK_REPLY', text: b.text, payload: b.payload }]
          : [],
    ),
  };
}
