import * as naughtyWords from 'naughty-words';

/**
 * What auto-moderation rules look for in a comment's text. Pure and language-independent: Unicode
 * letters and digits delimit words, so accents, Cyrillic or Greek work like ASCII; scripts written
 * without spaces (CJK, Thai) fall back to substring matching.
 */

/** Case- and width-folded text (NFKC + lower case), the form every matcher compares. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the folded `text` contain `phrase` as whole word(s)? */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = fold(phrase).trim();
  if (!needle) return false;
  if (NO_SPACE_SCRIPT.test(needle)) return text.includes(needle);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.(?:[a-z]{2,24})(?:\/\S*)?\b/iu;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/** A link: a scheme, `www.`, or a host name with a known-looking top-level domain (`shop.example.com`, `bit.ly/x`). */
const COMMON_TLDS =
  /\.(?:com|net|org|io|co|ly|me|info|biz|shop|store|online|site|xyz|app|link|click|top|ru|de|uk|fr|es|it|nl|at|ch|pl|br|in|jp|cn|us|ca|au|tk|gl|gd|to)(?:[/:?#]|\b)/iu;

export function containsLink(text: string): boolean {
  const withoutEmails = text.replace(new RegExp(EMAIL_PATTERN.source, 'gu'), ' ');
  if (/\b(?:https?:\/\/|www\.)\S+/iu.test(withoutEmails)) return true;
  const match = URL_PATTERN.exec(withoutEmails);
  return match !== null && COMMON_TLDS.test(match[0]);
}

export function containsEmail(text: string): boolean {
  return EMAIL_PATTERN.test(text);
}

/**
 * A phone number: 7–15 digits (ITU E.164 allows 15), optionally with a leading +, written with spaces,
 * dots, dashes, slashes or parentheses between groups. Dates, prices and order numbers written without
 * separators of this kind rarely reach 7 digits in a row of such groups.
 */
export function containsPhone(text: string): boolean {
  const candidates = text.match(/\+?\(?\d[\d\s().\-/]{5,22}\d/gu) ?? [];
  return candidates.some((candidate) => {
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) return false;
    // a date like 2026-12-03 or 03.12.2026 is not a phone number
    return !/^\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}$/.test(candidate.trim());
  });
}

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3|[#*0-9]\ufe0f?\u20e3|\s)+$/u;

/** Only emoji (and spaces): "🔥🔥", "❤️", "👍🏽". Plain digits or text are not. */
export function isEmojiOnly(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && EMOJI_ONLY.test(trimmed) && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(trimmed);
}

/** Every language list of the LDNOOBW word lists (`naughty-words`), folded, as one set: a profanity check that does not guess the comment's language. */
let profanity: { words: Set<string>; phrases: string[] } | null = null;

function profanityLists(): { words: Set<string>; phrases: string[] } {
  if (profanity) return profanity;
  const words = new Set<string>();
  const phrases: string[] = [];
  for (const list of Object.values(naughtyWords as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const folded = fold(entry).trim();
      if (folded.length < 3) continue;
      if (/\s/.test(folded) || NO_SPACE_SCRIPT.test(folded)) phrases.push(folded);
      else words.add(folded);
    }
  }
  profanity = { words, phrases };
  return profanity;
}

export function containsProfanity(folded: string): boolean {
  const { words, phrases } = profanityLists();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word && words.has(word)) return true;
  return phrases.some((phrase) => containsPhrase(folded, phrase));
}
