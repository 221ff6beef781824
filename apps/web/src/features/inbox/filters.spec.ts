import { MessagePlatform } from '@ticklegram/domain-models';
import { conversationListQuery, inboxFiltersToParams, inboxHref, matchesInboxFilters, parseInboxFilters, DEFAULT_FILTERS } from './filters';
import { nextConversationHref } from './keyboard';
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
      label: null,
    });
    expect(parseInboxFilters(new URLSearchParams('folder=x&platform=TIKTOK&status=gone&unread=yes'))).toEqual(DEFAULT_FILTERS);
  });

  it('round-trips to short links and api queries', () => {
    expect(inboxHref('/inbox/c1', DEFAULT_FILTERS)).toBe('/inbox/c1');
    expect(inboxHref('/inbox', { ...DEFAULT_FILTERS, folder: 'unassigned', platform: MessagePlatform.INSTAGRAM })).toBe(
      '/inbox?folder=unassigned&platform=INSTAGRAM',
    );
    expect(inboxHref('/inbox', { ...DEFAULT_FILTERS, unread: true, status: 'open' })).toBe('/inbox?status=open&unread=1');
  });

  it('sends every filter to the api (nothing is filtered in the browser)', () => {
    const defined = (q: Record<string, string | undefined>): Record<string, string> =>
      Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));
    expect(defined(conversationListQuery(DEFAULT_FILTERS))).toEqual({});
    expect(defined(conversationListQuery({ ...DEFAULT_FILTERS, folder: 'mine', search: 'ana' }))).toEqual({ assignee: 'me', search: 'ana' });
    expect(defined(conversationListQuery({ ...DEFAULT_FILTERS, folder: 'unassigned' }))).toEqual({ assignee: 'unassigned' });
    expect(
      defined(conversationListQuery({ folder: 'all', platform: MessagePlatform.INSTAGRAM, status: 'pending', unread: true, search: '', label: null })),
    ).toEqual({
      platform: 'INSTAGRAM',
      status: 'pending',
      unread: 'true',
    });
    // the query string the api client builds from it
    const qs = new URLSearchParams(
      defined(conversationListQuery({ folder: 'mine', platform: MessagePlatform.FACEBOOK, status: 'resolved', unread: false, search: 'x y', label: null })),
    ).toString();
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

describe('label filter', () => {
  const VIP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
  const BUG = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const label = (id: string, name: string) => ({ id, name, color: '#ff0000' });

  it('round-trips ?label=<id> through the URL and drops values the api would reject', () => {
    const filters = parseInboxFilters(new URLSearchParams(`label=${VIP.toUpperCase()}&folder=mine`));
    expect(filters).toEqual({ ...DEFAULT_FILTERS, folder: 'mine', label: VIP });
    expect(inboxHref('/inbox', filters)).toBe(`/inbox?folder=mine&label=${VIP}`);
    expect(parseInboxFilters(new URLSearchParams(inboxFiltersToParams(filters)))).toEqual(filters);
    expect(parseInboxFilters(new URLSearchParams('label=vip')).label).toBeNull();
    expect(parseInboxFilters(new URLSearchParams('label=')).label).toBeNull();
    // toggling off leaves a short link again
    expect(inboxHref('/inbox', { ...filters, label: null })).toBe('/inbox?folder=mine');
  });

  it('sends the label to the api', () => {
    const q = conversationListQuery({ ...DEFAULT_FILTERS, label: VIP, status: 'open' });
    expect(q.label).toBe(VIP);
    expect(conversationListQuery(DEFAULT_FILTERS).label).toBeUndefined();
  });

  it('matches on labels and treats an update without labels as unknown', () => {
    const filters = { ...DEFAULT_FILTERS, label: VIP };
    expect(matchesInboxFilters(conversationDto({ labels: [label(BUG, 'bug'), label(VIP, 'vip')] }), filters, 'me')).toBe(true);
    expect(matchesInboxFilters(conversationDto({ labels: [label(BUG, 'bug')] }), filters, 'me')).toBe(false);
    expect(matchesInboxFilters(conversationDto({ labels: [] }), filters, 'me')).toBe(false);
    expect(matchesInboxFilters(conversationDto({ labels: undefined }), filters, 'me')).toBe(true);
    // other filters still apply
    expect(matchesInboxFilters(conversationDto({ labels: [label(VIP, 'vip')], status: 'resolved' }), { ...filters, status: 'open' }, 'me')).toBe(false);
    expect(matchesInboxFilters(conversationDto({ labels: [] }), DEFAULT_FILTERS, 'me')).toBe(true);
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
