import { Injectable } from '@nestjs/common';
import {
  MessagePlatform,
  problemsByField,
  ReplyPolicyMode,
  ReplyPolicyTemplateOption,
  resolveTemplateParameters,
  Role,
  SendTemplateInput,
  TemplatesErrorCode,
  TemplateStatus,
  templateOptions,
  templateUsability,
} from '@ticklegram/domain-models';
import { UtilityTemplateMessage } from '@ticklegram/meta-graph';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { MessageTemplateRepository } from './repositories/message-template.repository';
import { TemplateSendRepository } from './repositories/template-send.repository';
import { toSendComponents } from './template-components';
import { toTemplateDto } from './template.mapper';
import { TemplatesException } from './templates.exception';

/** Where a template would be sent: the conversation's channel and platform, and its reply policy now. */
export interface TemplateSendContext {
  channelId: string;
  platform: MessagePlatform;
  policyMode: ReplyPolicyMode;
}

/** A checked template send: what the Send API gets, what the thread shows, what a retry needs. */
export interface TemplateSendPlan {
  templateId: string;
  name: string;
  language: string;
  values: Record<string, string>;
  urlSuffix: string | null;
  /** The body as the customer reads it (the thread's text and the conversation preview). */
  text: string;
  wire: UtilityTemplateMessage;
}

/** What the outbound pipeline (messaging) needs from the templates module. */
@Injectable()
export class TemplateSendingService {
  constructor(
    private readonly templates: MessageTemplateRepository,
    private readonly sends: TemplateSendRepository,
  ) {}

  /** The channel's templates as the reply policy lists them (agents: approved ones only), usable first. */
  async options(role: Role, ctx: TemplateSendContext): Promise<ReplyPolicyTemplateOption[]> {
    if (ctx.platform !== MessagePlatform.FACEBOOK) return [];
    const rows = await this.templates.list({ channelIds: [ctx.channelId], statuses: role === Role.ADMIN ? undefined : [TemplateStatus.APPROVED] });
    return templateOptions(rows.map(toTemplateDto), ctx);
  }

  /** Checks that this template can go out in this conversation with these values (422 why not / 400 per field). */
  async plan(input: SendTemplateInput, ctx: TemplateSendContext): Promise<TemplateSendPlan> {
    const template = await this.templates.findById(input.id);
    if (!template) throw new TemplatesException(TemplatesErrorCode.TEMPLATE_NOT_USABLE, 'This template does not exist (it may have been deleted).');
    return this.planFor(template, input.parameters, input.urlSuffix ?? null, ctx);
  }

  /** Remembers the template and values of a stored message (a retry sends the same). */
  recordSend(messageId: string, plan: TemplateSendPlan): Promise<void> {
    return this.sends.record(messageId, plan.templateId, plan.values, plan.urlSuffix);
  }

  /** Which of these messages were sent as a template (reply kinds in analytics). */
  sentWithTemplate(messageIds: string[]): Promise<Set<string>> {
    return this.sends.sentWithTemplate(messageIds);
  }

  /** The plan of an earlier template message, re-checked (Meta may have paused the template since); null when it was no template. */
  async planForRetry(messageId: string, ctx: TemplateSendContext): Promise<TemplateSendPlan | null> {
    const send = await this.sends.findByMessageId(messageId);
    if (!send) return null;
    const template = await this.templates.findById(send.templateId);
    if (!template)
      throw new TemplatesException(TemplatesErrorCode.TEMPLATE_NOT_USABLE, 'The template of this message was deleted, so it cannot be sent again.');
    const content = template.content;
    const names = Object.keys(send.parameters);
    const parameters = content.parameterFormat === 'NAMED' ? send.parameters : names.sort((a, b) => Number(a) - Number(b)).map((n) => send.parameters[n] ?? '');
    return this.planFor(template, parameters, send.urlSuffix, ctx);
  }

  private planFor(
    template: MessageTemplateEntity,
    parameters: SendTemplateInput['parameters'],
    urlSuffix: string | null,
    ctx: TemplateSendContext,
  ): TemplateSendPlan {
    const usability = templateUsability(toTemplateDto(template), ctx);
    if (!usability.usable) throw new TemplatesException(TemplatesErrorCode.TEMPLATE_NOT_USABLE, `${template.name} cannot be sent here: ${usability.reason}`);
    const resolved = resolveTemplateParameters(template.content, parameters, urlSuffix);
    if (!resolved.ok) throw new RequestValidationException(problemsByField(resolved.problems));
    const components = toSendComponents(template.content, resolved.values, resolved.urlSuffix);
    return {
      templateId: template.id,
      name: template.name,
      language: template.language,
      values: resolved.values,
      urlSuffix: resolved.urlSuffix,
      text: resolved.rendered.body,
      wire: { name: template.name, language: { code: template.language }, ...(components.length ? { components } : {}) },
    };
  }
}
