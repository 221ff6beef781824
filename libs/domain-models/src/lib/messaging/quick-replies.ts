import { MessagePlatform } from '../enums';
import type { OutboundValidation } from './outbound-limits';

/** `content_type` of a quick reply: a tappable text, or Meta pre-filling the customer's phone number / email. */
export type QuickReplyContentType = 'text' | 'user_phone_number' | 'user_email';

export const QUICK_REPLY_MAX = 13;
export const QUICK_REPLY_TITLE_MAX_CHARS = 20;

/**
 * What each platform still accepts (reference §4.3, §11): Messenger offers text, phone-number and email
 * quick replies; Instagram disabled phone-number and email quick replies on 2026-10-05, text only.
 */
export const QUICK_REPLY_CONTENT_TYPES: Readonly<Record<MessagePlatform, readonly QuickReplyContentType[]>> = {
  [MessagePlatform.FACEBOOK]: ['text', 'user_phone_number', 'user_email'],
  [MessagePlatform.INSTAGRAM]: ['text'],
};

export interface QuickReplyInfo {
  /** Absent means `text`. */
  contentType?: QuickReplyContentType | string;
  title?: string | null;
}

/** Meta's limits on quick replies for the platform, with a plain reason for the first one broken. */
export function validateQuickReplies(platform: MessagePlatform, replies: readonly QuickReplyInfo[]): OutboundValidation {
  if (replies.length > QUICK_REPLY_MAX) return { ok: false, reason: `Meta allows at most ${QUICK_REPLY_MAX} quick replies on a message.` };
  const allowed = QUICK_REPLY_CONTENT_TYPES[platform];
  for (const reply of replies) {
    const type = reply.contentType ?? 'text';
    if (!allowed.includes(type as QuickReplyContentType)) {
      if (platform === MessagePlatform.INSTAGRAM && (type === 'user_phone_number' || type === 'user_email')) {
        return {
          ok: false,
          reason: `Instagram stopped offering ${type === 'user_phone_number' ? 'phone-number' : 'email'} quick replies on 5 October 2026. Ask for it in a normal message instead.`,
        };
      }
      return { ok: false, reason: `"${type}" is not a quick reply type ${platform === MessagePlatform.INSTAGRAM ? 'Instagram' : 'Messenger'} accepts.` };
    }
    if (type === 'text' && !(reply.title ?? '').trim()) return { ok: false, reason: 'A text quick reply needs a title.' };
    if ((reply.title ?? '').length > QUICK_REPLY_TITLE_MAX_CHARS)
      return { ok: false, reason: `Quick reply titles are limited to ${QUICK_REPLY_TITLE_MAX_CHARS} characters.` };
  }
  return { ok: true };
}
