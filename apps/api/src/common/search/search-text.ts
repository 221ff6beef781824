/**
 * The one definition of full-text search semantics, shared by the index (both databases), the query and
 * the highlighter, so MariaDB's FULLTEXT and SQLite's FTS5 find exactly the same rows.
 *
 * - Folding: NFKD compatibility forms, lower case, accents dropped on Latin/Greek/Cyrillic letters
 *   (`Café` = `cafe`), ß→ss, æ→ae, ø→o, ł→l … Marks of other scripts stay (が ≠ か).
 * - Words: runs of letters/digits. Han, Kana, Hangul, Thai, Lao, Khmer and Myanmar have no spaces between
 *   words, so their runs are indexed as overlapping bigrams plus the run's last character (a query of
 *   two or more such characters is its bigrams, one character matches as a prefix).
 * - Emoji: each pictograph is a word (skin tones and variation selectors dropped); flags are one word.
 * - Matching: every query word must be the start of an indexed word (`hel` finds `hello`, `ello` does not).
 *
 * Both engines get the same opaque terms: `t` + hex of the folded word's UTF-8 bytes (cut at 40 bytes). The
 * terms are ASCII, at least 3 characters and never a stopword, so InnoDB's default tokenizer
 * (`innodb_ft_min_token_size` ≤ 3, its stopword list, emoji and CJK handling) and FTS5's `ascii`
 * tokenizer split and compare them identically, and a hex prefix is a byte prefix of the word.
 *
 * This file imports nothing: `tools/bench` transpiles it to seed search rows.
 */

export interface SearchToken {
  /** Folded form. */
  word: string;
  /** UTF-16 offsets in the NFC text. */
  start: number;
  end: number;
  /** A whole word (prefix-matched) or a CJK bigram/unigram. */
  kind: 'word' | 'gram' | 'emoji';
  /** For a bigram: where its first character ends (a one-character query highlights only that). */
  firstEnd?: number;
}

const MAX_TERM_BYTES = 40;
const FOLD_BASE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const GRAM_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\u3005]/u;
const PICTO = /\p{Extended_Pictographic}/u;
const REGIONAL = /\p{Regional_Indicator}/u;
/** Zero-width joiner, variation selectors, skin-tone modifiers, keycap: parts of an emoji, not words. */
function isEmojiNoise(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp === 0x200d || cp === 0xfe0e || cp === 0xfe0f || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}
const SPECIAL: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ħ: 'h', ı: 'i', þ: 'th', ŋ: 'n', ſ: 's' };

/** Folds one code point; `prevBase` says whether a bare combining mark follows a foldable letter. */
function foldChar(ch: string, prevFoldable: boolean): string {
  if (MARK.test(ch)) return prevFoldable ? '' : ch;
  const decomposed = ch.normalize('NFKD').toLowerCase();
  let out = '';
  let base = false;
  for (const c of decomposed) {
    if (MARK.test(c)) {
      if (!base) out += c;
      continue;
    }
    base = FOLD_BASE.test(c);
    out += SPECIAL[c] ?? c;
  }
  return out.normalize('NFC');
}

type Unit = { ch: string; start: number; end: number; cls: 'word' | 'gram' | 'emoji' | 'regional' | 'sep' | 'skip' };

function classify(ch: string): Unit['cls'] {
  if (isEmojiNoise(ch)) return 'skip';
  if (REGIONAL.test(ch)) return 'regional';
  if (GRAM_CHAR.test(ch)) return 'gram';
  if (WORD_CHAR.test(ch)) return 'word';
  if (PICTO.test(ch)) return 'emoji';
  return 'sep';
}

/** What `units` needs of one code point; the regular expressions are most of a tokenization's cost, so it is computed once per code point. */
interface CodePoint {
  mark: boolean;
  foldable: boolean;
  /** Folded after a character that is not foldable (a mark only folds away after a foldable one). */
  folded: string;
  classes: Unit['cls'][];
}
const CODE_POINTS = new Map<string, CodePoint>();
const CODE_POINTS_KEPT = 4096;

function codePoint(cp: string): CodePoint {
  const known = CODE_POINTS.get(cp);
  if (known) return known;
  const folded = foldChar(cp, false);
  const info: CodePoint = { mark: MARK.test(cp), foldable: FOLD_BASE.test(cp), folded, classes: [...folded].map(classify) };
  if (CODE_POINTS.size < CODE_POINTS_KEPT) CODE_POINTS.set(cp, info);
  return info;
}

function units(nfc: string): Unit[] {
  const out: Unit[] = [];
  let offset = 0;
  let prevFoldable = false;
  for (const cp of nfc) {
    const start = offset;
    offset += cp.length;
    const info = codePoint(cp);
    const folded = info.mark && prevFoldable ? '' : info.folded;
    if (!info.mark) prevFoldable = info.foldable;
    if (folded === '' && out.length) {
      out[out.length - 1].end = offset; // a dropped accent belongs to its letter
      continue;
    }
    let k = 0;
    for (const ch of folded) out.push({ ch, start, end: offset, cls: info.classes[k++] });
  }
  return out;
}

/**
 * The words of a text. `index` mode adds each gram run's last character (so a one-character query finds
 * it); `query` mode gives a gram run of two or more characters as its bigrams only.
 */
export function searchTokens(text: string, mode: 'index' | 'query' = 'index'): SearchToken[] {
  const nfc = text.normalize('NFC');
  const list = units(nfc);
  const tokens: SearchToken[] = [];
  let i = 0;
  while (i < list.length) {
    const u = list[i];
    if (u.cls === 'sep' || u.cls === 'skip') {
      i += 1;
      continue;
    }
    if (u.cls === 'emoji') {
      tokens.push({ word: u.ch, start: u.start, end: u.end, kind: 'emoji' });
      i += 1;
      continue;
    }
    if (u.cls === 'regional') {
      const pair = list[i + 1]?.cls === 'regional' ? list[i + 1] : null;
      tokens.push({ word: u.ch + (pair?.ch ?? ''), start: u.start, end: (pair ?? u).end, kind: 'emoji' });
      i += pair ? 2 : 1;
      continue;
    }
    let j = i;
    while (j < list.length && (list[j].cls === u.cls || (u.cls === 'word' && list[j].cls === 'skip'))) j += 1;
    const run = list.slice(i, j).filter((x) => x.cls !== 'skip');
    if (u.cls === 'word') {
      tokens.push({ word: run.map((x) => x.ch).join(''), start: run[0].start, end: run[run.length - 1].end, kind: 'word' });
    } else {
      for (let k = 0; k + 1 < run.length; k += 1)
        tokens.push({ word: run[k].ch + run[k + 1].ch, start: run[k].start, end: run[k + 1].end, kind: 'gram', firstEnd: run[k].end });
      const last = run[run.length - 1];
      if (mode === 'index' || run.length === 1) tokens.push({ word: last.ch, start: last.start, end: last.end, kind: 'gram' });
    }
    i = j;
  }
  return joinCompounds(nfc, tokens, mode);
}

const CONNECTOR = /^[_.\-@]$/;

/**
 * Usernames, handles and codes (`alice_a`, `shop.name`, `SKU-12`): words joined by one connector are
 * also indexed whole, and a query spells them whole, so `alice_a` finds the username, not every Alice.
 */
function joinCompounds(nfc: string, tokens: SearchToken[], mode: 'index' | 'query'): SearchToken[] {
  const out: SearchToken[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (
      j + 1 < tokens.length &&
      tokens[j].kind === 'word' &&
      tokens[j + 1].kind === 'word' &&
      tokens[j + 1].start - tokens[j].end === 1 &&
      CONNECTOR.test(nfc[tokens[j].end])
    )
      j += 1;
    const chain = tokens.slice(i, j + 1);
    if (chain.length > 1) {
      const word = chain.map((t, k) => (k ? nfc[chain[k - 1].end] : '') + t.word).join('');
      const whole: SearchToken = { word, start: chain[0].start, end: chain[chain.length - 1].end, kind: 'word' };
      if (mode === 'index') out.push(...chain, whole);
      else out.push(whole);
    } else out.push(tokens[i]);
    i = j + 1;
  }
  return out;
}

/** The engine term of a folded word: `t` + hex of its UTF-8 bytes, cut on a character boundary. */
export function searchTerm(word: string): string {
  let hex = '';
  let bytes = 0;
  for (const ch of word) {
    const encoded = Buffer.from(ch, 'utf8');
    if (bytes + encoded.length > MAX_TERM_BYTES) break;
    bytes += encoded.length;
    hex += encoded.toString('hex');
  }
  return `t${hex}`;
}

/** What the index stores for a text: its distinct terms, space-separated ('' when nothing is searchable). */
export function searchDocument(...texts: (string | null | undefined)[]): string {
  const terms = new Set<string>();
  for (const text of texts) if (text) for (const token of searchTokens(text, 'index')) terms.add(searchTerm(token.word));
  return [...terms].join(' ');
}

/** The distinct terms a query requires (each as a prefix); empty when the query has nothing searchable. */
export function queryTerms(query: string): string[] {
  const terms = searchTokens(query, 'query').map((t) => searchTerm(t.word));
  return [...new Set(terms)].slice(0, 12);
}

/** [start, end) ranges of `text` (in its NFC form) matched by `query`, merged and in order. */
export function highlightRanges(text: string, query: string): [number, number][] {
  const wanted = searchTokens(query, 'query').map((t) => t.word);
  if (!wanted.length) return [];
  const ranges: [number, number][] = [];
  for (const token of searchTokens(text, 'index')) {
    const hit = wanted.find((w) => token.word.startsWith(w));
    if (hit === undefined) continue;
    const partialGram = token.firstEnd !== undefined && [...hit].length < [...token.word].length;
    ranges.push([token.start, partialGram ? (token.firstEnd as number) : token.end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** A window of `text` around its first match, with the ranges relative to the window. */
export function searchSnippet(text: string, query: string, width = 140): { text: string; highlights: [number, number][] } | null {
  const nfc = text.normalize('NFC');
  const ranges = highlightRanges(nfc, query);
  if (!ranges.length) return null;
  let from = 0;
  if (nfc.length > width) from = Math.max(0, Math.min(ranges[0][0] - Math.floor(width / 3), nfc.length - width));
  // never cut a surrogate pair
  if (from > 0 && /[\udc00-\udfff]/.test(nfc[from])) from -= 1;
  let to = Math.min(nfc.length, from + width);
  if (to < nfc.length && /[\udc00-\udfff]/.test(nfc[to])) to += 1;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < nfc.length ? '…' : '';
  const shift = prefix.length - from;
  const highlights = ranges.filter(([s, e]) => e > from && s < to).map(([s, e]): [number, number] => [Math.max(s, from) + shift, Math.min(e, to) + shift]);
  return { text: prefix + nfc.slice(from, to) + suffix, highlights };
}

/** Whether a document of `searchDocument()` holds every query term as a word prefix — the engines' match, in memory. */
export function documentMatches(document: string, terms: string[]): boolean {
  const words = document.split(' ');
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}
