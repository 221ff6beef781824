import { MessagePlatform } from '@ticklegram/domain-models';
import { conversationListQuery, inboxHref, matchesInboxFilters, parseInboxFilters, DEFAULT_FILTERS } from './filters';
import { isTypingTarget, nextConversationHref } from './keyboard';
import { describePresence } from './presence';
import { conversationDto } from './test-factories';

describe('inbox filters in the URL', () => {
  it('parses known values and ignores junk', () => {
    expect(parseInboxFilters(new URLSearchParams('folder=mine&platform=FACEBOOK&status=snoozed&unread=1&q=%20ana%20'))).toEqual({
      folder: 'mine',
      platform: MessagePlatform.FACEBOOK,
      status: 'snoozed',
      unread: true,
      search: 'ana',
    });
    expect(parseInboxFilters(new URLSearchParams('folder=x&platform=TIKTOK&status=gone&unread=yes'))).toEqual(DEFAULT_FILTERS);
  });

  it('round-trips to short links and api queries', () => {
    expect(inboxHref('/inbox/c1', DEFAULT_FILTERS)).toBe('/inbox/c1');
    expect(inboxHref('/inbox', { ...DEFAULT_FILTERS, folder: 'unassigned', platform: MessagePlatform.INSTAGRAM })).toBe('/inbox?folder=unassigned&platform=INSTAGRAM');
    expect(inboxHref('/inbox', { ...DEFAULT_FILTERS, unread: true, status: 'open' })).toBe('/inbox?status=open&unread=1');
  });

  it('sends every filter to the api (nothing is filtered in the browser)', () => {
    const defined = (q: Record<string, string | undefined>): Record<string, string> => Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));
    expect(defined(conversationListQuery(DEFAULT_FILTERS))).toEqual({});
    expect(defined(conversationListQuery({ ...DEFAULT_FILTERS, folder: 'mine', search: 'ana' }))).toEqual({ assignee: 'me', search: 'ana' });
    expect(defined(conversationListQuery({ ...DEFAULT_FILTERS, folder: 'unassigned' }))).toEqual({ assignee: 'unassigned' });
    expect(defined(conversationListQuery({ folder: 'all', platform: MessagePlatform.INSTAGRAM, status: 'pending', unread: true, search: '' }))).toEqual({
      platform: 'INSTAGRAM',
      status: 'pending',
      unread: 'true',
    });
    // the query string the api client builds from it
    const qs = new URLSearchParams(defined(conversationListQuery({ folder: 'mine', platform: MessagePlatform.FACEBOOK, status: 'resolved', unread: false, search: 'x y' }))).toString();
    expect(qs).toBe('assignee=me&platform=FACEBOOK&status=resolved&search=x+y');
  });

  it('matches conversations against folder, platform and status', () => {
    const mine = conversationDto({ assigneeId: 'me' });
    expect(matchesInboxFilters(mine, { ...DEFAULT_FILTERS, folder: 'mine' }, 'me')).toBe(true);
    expect(matchesInboxFilters(mine, { ...DEFAULT_FILTERS, folder: 'unassigned' }, 'me')).toBe(false);
    expect(matchesInboxFilters(mine, { ...DEFAULT_FILTERS, platform: MessagePlatform.FACEBOOK }, 'me')).toBe(false);
    expect(matchesInboxFilters(mine, { ...DEFAULT_FILTERS, status: 'open' }, 'me')).toBe(true);
    expect(matchesInboxFilters(conversationDto({ unreadCount: 0 }), { ...DEFAULT_FILTERS, unread: true }, 'me')).toBe(false);
    expect(matchesInboxFilters(conversationDto({ unreadCount: 2 }), { ...DEFAULT_FILTERS, unread: true }, 'me')).toBe(true);
  });
});

describe('keyboard navigation', () => {
  const order = [
    { id: 'a', href: '/inbox/a' },
    { id: 'b', href: '/inbox/b' },
  ];
  it('moves with j/k and stops at the ends', () => {
    expect(nextConversationHref(order, null, 1)).toBe('/inbox/a');
    expect(nextConversationHref(order, null, -1)).toBe('/inbox/b');
    expect(nextConversationHref(order, 'a', 1)).toBe('/inbox/b');
    expect(nextConversationHref(order, 'b', 1)).toBeNull();
    expect(nextConversationHref(order, 'a', -1)).toBeNull();
    expect(nextConversationHref([], null, 1)).toBeNull();
  });

  it('treats text fields as typing, buttons and checkboxes not', () => {
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('presence', () => {
  it('names who is typing and viewing, leaving out the current agent', () => {
    const event = {
      conversationId: 'c1',
      viewers: [
        { userId: 'me', name: 'Me' },
        { userId: 'u2', name: 'Bo' },
        { userId: 'u3', name: '' },
      ],
      typing: [{ userId: 'u3', name: '' }],
    };
    expect(describePresence(event, 'me')).toEqual({ typing: 'A teammate is typing…', viewing: 'Bo is viewing' });
    const crowd = { conversationId: 'c1', viewers: ['a', 'b', 'c', 'd'].map((n) => ({ userId: n, name: n.toUpperCase() })), typing: [] };
    expect(describePresence(crowd, 'me').viewing).toBe('A, B and 2 more are viewing');
    expect(describePresence(null, 'me')).toEqual({ typing: null, viewing: null });
  });
});
