import { MessagePlatform } from '@ticklegram/domain-models';
import { CommentFacts, compileRule, EvaluableRule, evaluateRules } from './rule-evaluator';
import { containsEmail, containsLink, containsPhone, containsProfanity, fold, isEmojiOnly } from './text-signals';

const facts = (text: string, extra: Partial<CommentFacts> = {}): CommentFacts => ({
  text,
  platform: MessagePlatform.INSTAGRAM,
  source: 'organic',
  postExternalId: 'media-1',
  firstCommentOfUser: false,
  privateReplySentToAuthorOnPost: false,
  privateReplyRefusal: null,
  alreadyAssigned: false,
  ...extra,
});
const rule = (name: string, conditions: EvaluableRule['conditions'], actions: EvaluableRule['actions'], stopProcessing = false) =>
  compileRule({ id: name, name, conditions, actions, stopProcessing });

describe('text signals', () => {
  it.each([
    ['Call +49 176 1234 5678', true],
    ['whatsapp 0176-12345678', true],
    ['(555) 123-4567 now', true],
    ['Order 2026-12-03 arrived', false],
    ['Price 49.99 €', false],
    ['1234', false],
  ])('phone in %p: %p', (text, expected) => expect(containsPhone(text)).toBe(expected));

  it.each([
    ['see https://spam.example/x', true],
    ['visit www.example.org', true],
    ['cheap at bit.ly/abc', true],
    ['mail me at jane@example.com', false],
    ['I love it. Great.', false],
  ])('link in %p: %p', (text, expected) => expect(containsLink(text)).toBe(expected));

  it('finds emails, emoji-only and profanity in any language', () => {
    expect(containsEmail('write to jane.doe@example.co.uk')).toBe(true);
    expect(containsEmail('at jane')).toBe(false);
    expect(isEmojiOnly('🔥🔥 ❤️ 👍🏽')).toBe(true);
    expect(isEmojiOnly('🔥 nice')).toBe(false);
    expect(isEmojiOnly('123')).toBe(false);
    expect(containsProfanity(fold('What a SHIT product'))).toBe(true);
    expect(containsProfanity(fold('Das ist scheiße'))).toBe(true);
    expect(containsProfanity(fold('a classic assessment'))).toBe(false);
  });
});

describe('evaluateRules', () => {
  it('keyword modes: any, all and exact, whole words, case and accents folded as written', () => {
    const any = rule('any', { keywords: { words: ['price', 'cost'], mode: 'any' } }, [{ type: 'hide' }]);
    const all = rule('all', { keywords: { words: ['price', 'shipping'], mode: 'all' } }, [{ type: 'hide' }]);
    const exact = rule('exact', { keywords: { words: ['Nice'], mode: 'exact' } }, [{ type: 'hide' }]);
    expect(evaluateRules([any], facts('What is the PRICE?')).length).toBe(1);
    expect(evaluateRules([any], facts('priceless')).length).toBe(0);
    expect(evaluateRules([all], facts('price and shipping?')).length).toBe(1);
    expect(evaluateRules([all], facts('price?')).length).toBe(0);
    expect(evaluateRules([exact], facts('  nice ')).length).toBe(1);
    expect(evaluateRules([exact], facts('nice one')).length).toBe(0);
  });

  it('ANDs conditions: source, posts, first comment, platform, regex', () => {
    const r = rule(
      'r',
      { source: 'ad', postExternalIds: ['media-1'], firstCommentOfUser: true, platforms: [MessagePlatform.INSTAGRAM], regex: { pattern: 'dm\\s+me' } },
      [{ type: 'hide' }],
    );
    expect(evaluateRules([r], facts('DM me', { source: 'ad', firstCommentOfUser: true })).length).toBe(1);
    expect(evaluateRules([r], facts('DM me', { source: 'organic', firstCommentOfUser: true })).length).toBe(0);
    expect(evaluateRules([r], facts('DM me', { source: 'ad', firstCommentOfUser: false })).length).toBe(0);
    expect(evaluateRules([r], facts('hello', { source: 'ad', firstCommentOfUser: true })).length).toBe(0);
  });

  it('runs in order: stop processing, the first assignment wins, nothing after a delete, one private reply per person and post', () => {
    const first = rule('first', {}, [{ type: 'assign', userId: 'u1' }]);
    const second = rule('second', {}, [
      { type: 'assign', userId: 'u2' },
      { type: 'private_reply', text: 'hi' },
    ]);
    const stop = rule('stop', { containsPhone: true }, [{ type: 'delete' }], true);
    const after = rule('after', {}, [{ type: 'hide' }]);
    const plain = evaluateRules([first, second], facts('hello'));
    expect(plain.map((m) => m.actions.map((a) => `${a.action.type}:${a.outcome}`))).toEqual([
      ['assign:would_run'],
      ['assign:would_skip', 'private_reply:would_run'],
    ]);
    expect(evaluateRules([stop, after], facts('call 0176 1234 5678')).map((m) => m.rule.name)).toEqual(['stop']);
    const deleted = evaluateRules([rule('del', {}, [{ type: 'delete' }]), after], facts('x'));
    expect(deleted[1]?.actions[0]).toMatchObject({ outcome: 'would_skip', reason: 'An earlier action deletes the comment.' });
    const once = evaluateRules([second], facts('x', { privateReplySentToAuthorOnPost: true }));
    expect(once[0]?.actions[1]).toMatchObject({ outcome: 'would_skip', reason: 'This person already got a private reply on this post.' });
    const old = evaluateRules([second], facts('x', { privateReplyRefusal: 'too old' }));
    expect(old[0]?.actions[1]).toMatchObject({ outcome: 'would_skip', reason: 'too old' });
  });

  it('evaluates 20 rules well under a millisecond per comment', () => {
    const rules = Array.from({ length: 20 }, (_, i) =>
      rule(`r${i}`, { keywords: { words: [`word${i}`, 'refund'], mode: 'any' }, containsLink: i % 2 === 0 }, [{ type: 'hide' }]),
    );
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1000; i += 1) evaluateRules(rules, facts(`Comment ${i}: I want a refund, see www.example.com or call 0176 1234 5678`));
    const perComment = Number(process.hrtime.bigint() - started) / 1e6 / 1000;
    expect(perComment).toBeLessThan(5);
  });
});
