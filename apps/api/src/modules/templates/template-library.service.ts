import { Injectable } from '@nestjs/common';
import { LibraryTemplateDto, MessageTemplateDto, problemsByField, TemplatesErrorCode, TemplateStatus, validateTemplateDraft } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { isDuplicateKeyError } from '../../database/database-errors';
import { MetaGraph } from '../meta/meta.module';
import { CloneLibraryTemplateRequestDto } from './dto/template.request.dto';
import { LibraryQueryDto } from './dto/template.query.dto';
import { MessageTemplateRepository } from './repositories/message-template.repository';
import { fromLibraryItem, parseStatus } from './template-components';
import { applyStatus, TemplateChanges } from './template-changes';
import { TemplatePages } from './template-pages';
import { toTemplateDto } from './template.mapper';
import { templateNameTaken, TemplatesException } from './templates.exception';

const LIBRARY_PAGE_SIZE = 100;

/** Meta's pre-approved utility template library: browse it, and clone a template onto a Page. */
@Injectable()
export class TemplateLibraryService {
  constructor(
    private readonly templates: MessageTemplateRepository,
    private readonly pages: TemplatePages,
    private readonly graph: MetaGraph,
    private readonly changes: TemplateChanges,
  ) {}

  async list(query: LibraryQueryDto): Promise<LibraryTemplateDto[]> {
    const page = await this.pages.page(query.channelId ?? (await this.defaultPageId()));
    const res = await this.pages.call(page, 'Could not read Meta’s template library', () =>
      this.graph.templates.listLibraryTemplates(page.auth, {
        nameOrContent: query.search?.trim() || undefined,
        language: query.language,
        limit: LIBRARY_PAGE_SIZE,
      }),
    );
    return res.data.map(fromLibraryItem).filter((t): t is LibraryTemplateDto => t !== null);
  }

  /** Copies a library template onto the Page under a new name; Meta reviews clones within seconds. */
  async clone(actor: AuthUser, body: CloneLibraryTemplateRequestDto, ip: string | null): Promise<MessageTemplateDto> {
    const nameProblems = validateTemplateDraft({ name: body.name, language: body.language, body: 'x' }).filter(
      (p) => p.field === 'name' || p.field === 'language',
    );
    if (nameProblems.length) throw new RequestValidationException(problemsByField(nameProblems));
    const page = await this.pages.page(body.channelId);
    if (await this.templates.findByNameAndLanguage(page.channel.id, body.name, body.language)) throw templateNameTaken(body.name, body.language);
    const library = await this.pages.call(page, 'Could not read Meta’s template library', () =>
      this.graph.templates.listLibraryTemplates(page.auth, { nameOrContent: body.libraryTemplateName, language: body.language, limit: LIBRARY_PAGE_SIZE }),
    );
    const source = library.data.map(fromLibraryItem).find((t) => t?.name === body.libraryTemplateName && t.language === body.language);
    if (!source) {
      throw new TemplatesException(
        TemplatesErrorCode.TEMPLATE_LIBRARY_NOT_FOUND,
        `Meta’s library has no template ${body.libraryTemplateName} in ${body.language}.`,
      );
    }
    const answer = await this.pages.call(page, `Meta did not clone ${body.libraryTemplateName}`, () =>
      this.graph.templates.cloneLibraryTemplate(page.auth, page.pageId, {
        name: body.name,
        language: body.language,
        libraryTemplateName: body.libraryTemplateName,
      }),
    );
    const now = new Date();
    const template = this.templates.create({
      channelId: page.channel.id,
      externalId: String(answer.id),
      name: body.name,
      language: body.language,
      status: TemplateStatus.PENDING,
      statusReasonCode: null,
      content: source.content,
      libraryTemplateName: body.libraryTemplateName,
      createdById: actor.id,
      submittedAt: now,
      statusUpdatedAt: now,
      metaStatusAt: null,
    });
    applyStatus(template, parseStatus(answer.status) ?? TemplateStatus.PENDING, null, now);
    try {
      await this.templates.save(template);
    } catch (error) {
      // the status webhook (or a sync) stored it while we were waiting for Meta's answer
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await this.templates.findByNameAndLanguage(page.channel.id, body.name, body.language);
      if (stored) return toTemplateDto(stored);
      throw error;
    }
    await this.changes.announce(
      template,
      null,
      'template.cloned',
      actor,
      { libraryTemplateName: body.libraryTemplateName, externalId: template.externalId },
      ip,
    );
    return toTemplateDto(template);
  }

  private async defaultPageId(): Promise<string> {
    const [first] = await this.pages.activePages();
    if (!first)
      throw new TemplatesException(
        TemplatesErrorCode.TEMPLATE_CHANNEL_INVALID,
        'Connect a Facebook Page first: Meta’s template library is read with its connection.',
      );
    return first.id;
  }
}
