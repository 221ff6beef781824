import { MessagePlatform } from '../enums';
import { QUICK_REPLY_MAX, validateQuickReplies } from './quick-replies';

const IG = MessagePlatform.INSTAGRAM;
const FB = MessagePlatform.FACEBOOK;

describe('validateQuickReplies', () => {
  it.each([
    [IG, [{ title: 'Yes' }, { contentType: 'text', title: 'No' }], null],
    [FB, [{ contentType: 'user_phone_number' }, { contentType: 'user_email' }, { title: 'Later' }], null],
    [IG, [{ contentType: 'user_phone_number' }], /Instagram stopped offering phone-number quick replies on 5 October 2026/],
    [IG, [{ title: 'ok' }, { contentType: 'user_email' }], /Instagram stopped offering email quick replies/],
    [FB, [{ contentType: 'location' }], /"location" is not a quick reply type Messenger accepts/],
    [FB, [{ contentType: 'text', title: '   ' }], /needs a title/],
    [IG, [{ title: 'x'.repeat(21) }], /limited to 20 characters/],
    [FB, Array.from({ length: QUICK_REPLY_MAX + 1 }, () => ({ title: 'a' })), /at most 13 quick replies/],
  ] as const)('%s %j', (platform, replies, reason) => {
    const verdict = validateQuickReplies(platform, replies);
    if (reason === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict.ok === false && verdict.reason).toMatch(reason);
  });
});
