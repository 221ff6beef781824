import type { NormalizedEvent, TemplateStatusEvent } from '@ticklegram/domain-models';
import { dedupeKey } from '../dedupe-key';
import { readId, readString } from '../read-values';
import { changeBase, unsupportedChange, type ChangeContext } from './change-context';

/**
 * Utility-template review result. Meta names the field `message_template_status_update` (guide) and
 * `messenger_template_status_update` (field table) and documents no payload; both fields and the
 * WhatsApp-style keys (`event`, `message_template_*`, `reason`) plus plain `status`/`name`/`language` are read.
 */
export function normalizeTemplateStatus(cc: ChangeContext): NormalizedEvent {
  const v = cc.value;
  const templateId = readId(v['message_template_id']) ?? readId(v['template_id']) ?? readId(v['id']);
  const templateName = readString(v['message_template_name']) ?? readString(v['name']);
  if (templateId === null && templateName === null) return unsupportedChange(cc, 'invalid_change', `${cc.field} without template id or name`);
  const language = readString(v['message_template_language']) ?? readString(v['language']);
  const status = (readString(v['event']) ?? readString(v['status']))?.toUpperCase() ?? null;
  const event: TemplateStatusEvent = {
    ...changeBase(cc, null),
    type: 'template_status',
    // A template can return to a status (APPROVED → PAUSED → APPROVED): the send time keeps those apart.
    dedupeKey: dedupeKey('template_status', cc.channel, templateId ?? `${templateName}/${language}`, status, cc.ctx.entryTime),
    field: cc.field === 'messenger_template_status_update' ? 'messenger_template_status_update' : 'message_template_status_update',
    templateId,
    templateName,
    language,
    status,
    reason: readString(v['reason']) ?? readString(v['rejected_reason']) ?? readString(v['specific_rejection_reason']),
  };
  return event;
}
