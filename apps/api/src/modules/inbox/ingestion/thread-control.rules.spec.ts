import { applyThreadOwner, ownerFromDelivery, ownerFromHandover, ThreadControlState } from './thread-control.rules';

const T = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
const state = (overrides: Partial<ThreadControlState> = {}): ThreadControlState => ({
  threadOwner: 'this_app',
  threadOwnerAppId: null,
  threadOwnerAt: null,
  ...overrides,
});
const OURS = ['913300000000001'];
const INBOX = '263902037430900';

describe('thread control rules', () => {
  it.each([
    [
      'another app takes a fresh thread',
      state(),
      { ownedBy: 'other_app', appId: INBOX, at: T(1) },
      true,
      { threadOwner: 'other_app', threadOwnerAppId: INBOX, threadOwnerAt: T(1) },
    ],
    [
      'control comes back to us',
      state({ threadOwner: 'other_app', threadOwnerAppId: INBOX, threadOwnerAt: T(1) }),
      { ownedBy: 'this_app', appId: OURS[0], at: T(2) },
      true,
      { threadOwner: 'this_app', threadOwnerAppId: OURS[0] },
    ],
    [
      'an older event arriving late is ignored',
      state({ threadOwner: 'this_app', threadOwnerAt: T(5) }),
      { ownedBy: 'other_app', appId: INBOX, at: T(4) },
      false,
      { threadOwner: 'this_app', threadOwnerAt: T(5) },
    ],
    [
      'standby after a handover keeps the named app',
      state({ threadOwner: 'other_app', threadOwnerAppId: INBOX, threadOwnerAt: T(1) }),
      { ownedBy: 'other_app', appId: null, at: T(3) },
      false,
      { threadOwnerAppId: INBOX, threadOwnerAt: T(1) },
    ],
    ['our own delivery when we own it changes nothing', state(), { ownedBy: 'this_app', appId: null, at: T(3) }, false, { threadOwnerAt: null }],
    ['standby alone says "another app"', state(), { ownedBy: 'other_app', appId: null, at: T(3) }, true, { threadOwner: 'other_app', threadOwnerAppId: null }],
    [
      'a second app taking over from the first',
      state({ threadOwner: 'other_app', threadOwnerAppId: INBOX, threadOwnerAt: T(1) }),
      { ownedBy: 'other_app', appId: '999', at: T(2) },
      true,
      { threadOwnerAppId: '999' },
    ],
  ] as const)('%s', (_label, s, change, changed, after) => {
    expect(applyThreadOwner(s, change)).toBe(changed);
    expect(s).toMatchObject(after);
  });

  it.each([
    ['standby', { ownedBy: 'other_app', appId: null }],
    ['messaging', { ownedBy: 'this_app', appId: null }],
    ['changes', null],
  ] as const)('a delivery on %s means %j', (via, expected) => {
    const change = ownerFromDelivery(via, T(0));
    expect(change && { ownedBy: change.ownedBy, appId: change.appId }).toEqual(expected);
  });

  it.each([
    [OURS[0], 'this_app'],
    [INBOX, 'other_app'],
    [null, null],
  ] as const)('a handover to %s → %s', (newOwner, ownedBy) => {
    expect(ownerFromHandover(newOwner, OURS, T(0))?.ownedBy ?? null).toBe(ownedBy);
  });
});
