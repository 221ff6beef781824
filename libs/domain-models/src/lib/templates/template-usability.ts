import { MessagePlatform } from '../enums';
import { MessageTemplateDto, ReplyPolicyTemplateOption, TemplateContent, TemplateStatus } from '../api/templates';
import type { ReplyPolicyMode } from '../messaging/reply-policy.types';
import { describeTemplateStatus } from './template-status';
import { urlVariable } from './template-variables';

export interface TemplateUsabilityContext {
  platform: MessagePlatform;
  /** The conversation's channel: a template belongs to one Page. */
  channelId: string;
  /** The conversation's reply policy right now. */
  policyMode: ReplyPolicyMode;
}

/** What TickleGram cannot fill when sending; null when it can send the template. */
export function unsupportedContent(content: TemplateContent): string | null {
  if (content.header?.format === 'IMAGE') return 'It has an image header, which TickleGram cannot send yet.';
  const urlVariables = content.buttons.filter((b) => b.type === 'URL' && urlVariable(b.url) !== null).length;
  if (urlVariables > 1) return 'More than one of its link buttons takes a value, which TickleGram cannot fill yet.';
  return null;
}

/** Whether this template can be sent in this conversation now, and if not, why (plain words). */
export function templateUsability(
  template: Pick<MessageTemplateDto, 'channelId' | 'status' | 'statusReasonCode' | 'content'>,
  ctx: TemplateUsabilityContext,
): { usable: boolean; reason: string | null } {
  if (ctx.platform !== MessagePlatform.FACEBOOK)
    return { usable: false, reason: 'Utility templates exist only on Messenger; Instagram has no template messages.' };
  if (template.channelId !== ctx.channelId) return { usable: false, reason: 'It belongs to another Facebook Page.' };
  if (template.status !== TemplateStatus.APPROVED) return { usable: false, reason: describeTemplateStatus(template.status, template.statusReasonCode) };
  const unsupported = unsupportedContent(template.content);
  if (unsupported) return { usable: false, reason: unsupported };
  if (ctx.policyMode === 'blocked') return { usable: false, reason: 'Nothing can be sent in this conversation right now (see the reason above).' };
  return { usable: true, reason: null };
}

/** The reply policy's template list: usable ones first, then by name and language. */
export function templateOptions(templates: readonly MessageTemplateDto[], ctx: TemplateUsabilityContext): ReplyPolicyTemplateOption[] {
  return templates
    .map((template) => ({ template, ...templateUsability(template, ctx) }))
    .sort(
      (a, b) => Number(b.usable) - Number(a.usable) || a.template.name.localeCompare(b.template.name) || a.template.language.localeCompare(b.template.language),
    );
}
