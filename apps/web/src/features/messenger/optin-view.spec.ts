import type { MessengerOptinDto } from '@ticklegram/domain-models';
import { optinView } from './optin-view';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const optin = (over: Partial<MessengerOptinDto> = {}): MessengerOptinDto => ({
  id: 'o1',
  kind: 'notification_messages',
  topic: 'Order updates',
  status: 'active',
  optedInAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
  tokenExpiresAt: null,
  timezone: null,
  ...over,
});

describe('optinView', () => {
  it.each([
    ['subscribed', optin(), { status: 'Subscribed', active: true, kind: 'Marketing messages', title: 'Order updates' }],
    ['subscribed until the token expires', optin({ tokenExpiresAt: '2027-05-20T10:00:00Z' }), { status: 'Subscribed', active: true }],
    ['expired token', optin({ tokenExpiresAt: '2026-11-30T10:00:00Z' }), { status: 'Expired', active: false }],
    ['stopped (an expiry does not matter then)', optin({ status: 'stopped', tokenExpiresAt: '2026-11-30T10:00:00Z' }), { status: 'Stopped', active: false }],
    [
      'a plugin opt-in without a topic is named by its kind',
      optin({ kind: 'send_to_messenger', topic: '' }),
      { title: 'Send to Messenger', kind: 'Send to Messenger' },
    ],
    ['an unknown kind in plain words', optin({ kind: 'some_new_kind', topic: '' }), { title: 'some new kind' }],
  ])('%s', (_label, input, expected) => {
    expect(optinView(input, NOW)).toMatchObject(expected);
  });

  it('says when it started, stopped or expires', () => {
    expect(optinView(optin({ status: 'stopped', updatedAt: '2026-11-25T10:00:00Z' }), NOW).details).toHaveLength(2);
    expect(optinView(optin({ tokenExpiresAt: '2027-05-20T10:00:00Z' }), NOW).details[1]).toMatch(/^Expires /);
    expect(optinView(optin({ tokenExpiresAt: '2026-11-30T10:00:00Z' }), NOW).details[1]).toMatch(/^Expired /);
    expect(optinView(optin(), NOW).details).toEqual([expect.stringMatching(/^Opted in /)]);
  });
});
