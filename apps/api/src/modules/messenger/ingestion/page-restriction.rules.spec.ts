import { nextRestriction } from './page-restriction.rules';

const T = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

describe('nextRestriction', () => {
  it.each([
    ['block on a clean Page', { action: null, at: null }, { action: 'block', reason: 'spam', at: T(1) }, { action: 'block', reason: 'spam' }],
    ['unblock lifts it', { action: 'block', at: T(1) }, { action: 'unblock', reason: 'ok', at: T(2) }, { action: null, reason: null }],
    ['a warning is a notice', { action: null, at: null }, { action: 'warning', reason: 'careful', at: T(1) }, { action: 'warning', reason: 'careful' }],
    ['a warning never lifts a block', { action: 'block', at: T(1) }, { action: 'warning', reason: 'x', at: T(2) }, null],
    ['a block after a warning', { action: 'warning', at: T(1) }, { action: 'block', reason: 'spam', at: T(2) }, { action: 'block', reason: 'spam' }],
    ['an older event arriving late changes nothing', { action: null, at: T(5) }, { action: 'block', reason: 'old', at: T(4) }, null],
    ['an unknown action changes nothing', { action: null, at: null }, { action: 'mute', reason: null, at: T(1) }, null],
    ['no action changes nothing', { action: null, at: null }, { action: null, reason: null, at: T(1) }, null],
  ] as const)('%s', (_label, current, event, expected) => {
    expect(nextRestriction(current, event)).toEqual(expected);
  });
});
