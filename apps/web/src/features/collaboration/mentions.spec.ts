import { findMentions, type MentionCandidate } from '@ticklegram/domain-models';

const TEAM: MentionCandidate[] = [
  { id: 'ann', name: 'Ann', email: 'ann@shop.test' },
  { id: 'anna', name: 'Anna Smith', email: 'anna@shop.test' },
  { id: 'bob', name: 'Bob', email: 'bob@shop.test' },
];

describe('findMentions (shared @mention parser)', () => {
  it.each([
    ['@Ann please look', ['ann']],
    ['@anna smith and @BOB', ['anna', 'bob']],
    ['ping @bob@shop.test.', ['bob']],
    ['(@Ann)', ['ann']],
    ['@Ann and @Ann again', ['ann']],
  ])('%j mentions %j', (body, expected) => {
    expect(findMentions(body, TEAM)).toEqual(expected);
  });

  it.each([
    ['@Annabel is not Ann', []],
    ['mail ann@shop.test directly', []],
    ['no mentions here', []],
    ['@Bobby', []],
  ])('%j mentions nobody', (body, expected) => {
    expect(findMentions(body, TEAM)).toEqual(expected);
  });

  it('does not confuse a short name with a longer one', () => {
    expect(findMentions('@Anna Smith', TEAM)).toEqual(['anna']);
  });
});
