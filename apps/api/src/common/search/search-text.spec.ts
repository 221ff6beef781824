import { highlightRanges, queryTerms, searchDocument, searchSnippet, searchTerm, searchTokens } from './search-text';

const words = (text: string, mode: 'index' | 'query' = 'index') => searchTokens(text, mode).map((t) => t.word);
/** What the engines do: every query term is a prefix of some indexed term. */
const matches = (text: string, query: string) => {
  const doc = searchDocument(text).split(' ');
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((q) => doc.some((d) => d.startsWith(q)));
};

describe('search text', () => {
  it.each([
    ['Café Crème', ['cafe', 'creme']],
    ['JOSÉ Müller straße', ['jose', 'muller', 'strasse']],
    ['e\u0301te\u0301', ['ete']],
    ['Ｆｕｌｌ ｗｉｄｔｈ ①', ['full', 'width', '1']],
    ['Ærø Łódź', ['aero', 'lodz']],
    ['Москва Ёлка', ['москва', 'елка']],
    ["don't stop-me", ['don', 't', 'stop', 'me', 'stop-me']],
    ['@alice_a. ok', ['alice', 'a', 'alice_a', 'ok']],
  ])('folds %s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('indexes CJK as bigrams plus the last character, and queries it as bigrams', () => {
    expect(words('東京タワーへ行く')).toEqual(['東京', '京タ', 'タワ', 'ワー', 'ーへ', 'へ行', '行く', 'く']);
    expect(words('東京タ', 'query')).toEqual(['東京', '京タ']);
    expect(words('京', 'query')).toEqual(['京']);
    expect(words('서울 날씨')).toEqual(['서울', '울', '날씨', '씨']);
    expect(words('が')).not.toEqual(words('か'));
  });

  it('folds a combining mark by what precedes it, also once its code point is known (and past the code points kept)', () => {
    // the acute after e and the voicing mark after x go; the acute after a Han character and after a space stay
    const text = 'e\u0301 x\u3099 \u9fa0\u0301 \u0301e';
    const expected = ['e', 'x', '\u9fa0', '\u0301', '\u0301e'];
    expect(words(text)).toEqual(expected);
    expect(words(text)).toEqual(expected);
    // more distinct code points than are kept: the ones not kept are folded each time, the same way
    const many = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(' ');
    expect(searchTokens(many)).toHaveLength(6000);
    expect(words(`${text} \u01d7\u0302 \u9fa1\u0303`)).toEqual([...expected, 'u', '\u9fa1', '\u0303']); // first seen past the kept code points
  });

  it('makes each emoji a word, without skin tones or variation selectors', () => {
    expect(words('love it👍🏽🎉 ❤️ 🇯🇵')).toEqual(['love', 'it', '👍', '🎉', '❤', '🇯🇵']);
  });

  it('turns words into engine-safe ASCII terms of at least 3 characters', () => {
    expect(searchTerm('a')).toBe('t61');
    expect(searchTerm('é')).toBe('tc3a9');
    expect(searchTerm('x'.repeat(60))).toBe(`t${'78'.repeat(40)}`);
    expect(searchDocument('the the THE')).toBe('t746865');
    expect(searchDocument(null, '', undefined)).toBe('');
  });

  it.each([
    ['Is the blue one in stock?', 'blue', true],
    ['Is the blue one in stock?', 'BLU', true],
    ['Is the blue one in stock?', 'lue', false],
    ['Is the blue one in stock?', 'blue stock', true],
    ['Is the blue one in stock?', 'blue red', false],
    ['Le café est fermé', 'cafe ferme', true],
    ['Le cafe est ferme', 'café', true],
    ['東京タワーへ行く', '東京', true],
    ['東京タワーへ行く', 'タワー', true],
    ['東京タワーへ行く', '行', true],
    ['東京タワーへ行く', 'く', true],
    ['東京タワーへ行く', '大阪', false],
    ['thanks 🎉', '🎉', true],
    ['thanks 🎉', '😀', false],
    ['ok 👍🏿', '👍', true],
    ['!!!', '!!!', false],
    ['alice_anders', 'alice_a', true],
    ['alice anders', 'alice_a', false],
    ['alice_anders', 'anders', true],
  ])('%s ~ %s → %s', (text, query, expected) => {
    expect(matches(text, query)).toBe(expected);
  });

  it('highlights the matched words in the original text', () => {
    const text = 'Is the Blue one in stock? Blueberry too';
    expect(highlightRanges(text, 'blue').map(([s, e]) => text.slice(s, e))).toEqual(['Blue', 'Blueberry']);
    const accented = 'Un café crème';
    expect(highlightRanges(accented, 'creme').map(([s, e]) => accented.slice(s, e))).toEqual(['crème']);
    const cjk = '東京タワーへ行く';
    expect(highlightRanges(cjk, 'タワー').map(([s, e]) => cjk.slice(s, e))).toEqual(['タワー']);
    expect(highlightRanges(cjk, '京').map(([s, e]) => cjk.slice(s, e))).toEqual(['京']);
    const emoji = 'party 🎉🎉 now';
    expect(highlightRanges(emoji, '🎉').map(([s, e]) => emoji.slice(s, e))).toEqual(['🎉🎉']);
  });

  it('cuts a snippet around the first match with ranges relative to it', () => {
    const text = `${'lorem ipsum '.repeat(30)}the needle is here ${'dolor sit '.repeat(30)}`;
    const snippet = searchSnippet(text, 'needle') ?? { text: '', highlights: [[0, 0]] };
    const [[s, e]] = snippet.highlights;
    expect(snippet.text.slice(s, e)).toBe('needle');
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(searchSnippet('nothing here', 'needle')).toBeNull();
  });
});
