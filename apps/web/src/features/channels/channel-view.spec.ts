import { ChannelStatus, MessagePlatform } from '@ticklegram/domain-models';
import { channelsNeedingAttention, handoverRoleText, initials, platformLabel, relativeTime, restrictionNotice, tokenExpiryText } from './channel-view';
import { pasteTokenSchema } from './schemas';
import { channelDto as channel } from './test-factories';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('channel view helpers', () => {
  it('flags channels that need re-auth or lost their webhook subscription, not disconnected ones', () => {
    const list = [
      channel({ id: 'ok' }),
      channel({ id: 'reauth', status: ChannelStatus.NEEDS_REAUTH }),
      channel({ id: 'unsubscribed' }, { subscription: { state: 'missing', fields: [], checkedAt: null } }),
      channel({ id: 'gone', status: ChannelStatus.DISCONNECTED }, { subscription: { state: 'missing', fields: [], checkedAt: null } }),
    ];
    expect(channelsNeedingAttention(list).map((c) => c.id)).toEqual(['reauth', 'unsubscribed']);
  });

  it('labels the platform and connection flavour', () => {
    expect(platformLabel(channel())).toBe('Instagram · Instagram Login');
    expect(platformLabel(channel({ connection: 'facebook_login' }))).toBe('Instagram · via Facebook Page');
    expect(platformLabel(channel({ platform: MessagePlatform.FACEBOOK, connection: 'facebook_login' }))).toBe('Facebook Page');
  });

  it.each([
    [null, 'never'],
    ['2026-11-22T11:59:50Z', 'just now'],
    ['2026-11-22T11:55:00Z', '5 min ago'],
    ['2026-11-22T09:00:00Z', '3 h ago'],
    ['2026-11-19T12:00:00Z', '3 days ago'],
    ['2026-12-22T12:00:00Z', 'in 30 days'],
  ])('relative time of %s is "%s"', (iso, text) => {
    expect(relativeTime(iso, NOW)).toBe(text);
  });

  it('describes token expiry', () => {
    expect(tokenExpiryText(channel({ connection: 'facebook_login' }), NOW)).toBe('Does not expire');
    expect(tokenExpiryText(channel({}, { tokenExpiresAt: '2026-12-22T12:00:00Z' }), NOW)).toBe('Expires in 30 days (renewed automatically)');
    expect(tokenExpiryText(channel({}, { tokenExpiresAt: '2026-11-21T12:00:00Z' }), NOW)).toBe('Expired');
  });

  it('makes initials for avatars', () => {
    expect(initials('Example Store')).toBe('ES');
    expect(initials('example.studio')).toBe('ES');
    expect(initials('x')).toBe('X');
  });

  it('checks a pasted token before sending it', () => {
    expect(pasteTokenSchema.safeParse({ kind: 'page', accessToken: '  EAASimPageToken104825791234560 ' }).success).toBe(true);
    const short = pasteTokenSchema.safeParse({ kind: 'page', accessToken: 'EAA123' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toMatch(/whole token/);
    const quoted = pasteTokenSchema.safeParse({ kind: 'instagram', accessToken: '"IGAASimIgUserToken17841400000000002"' });
    expect(quoted.error?.issues[0]?.message).toMatch(/no spaces or quotes/);
  });

  it('explains a Page restricted or warned by Meta, and says nothing otherwise', () => {
    expect(restrictionNotice(channel())).toBeNull();
    expect(restrictionNotice(channel({ restriction: null }))).toBeNull();
    expect(restrictionNotice(channel({ restriction: { action: 'block', reason: 'Spam reports', at: '2026-11-22T10:00:00Z' } }))).toEqual({
      blocking: true,
      text: "Meta has restricted this Page from sending messages. Replies are blocked until Meta lifts it. Meta's reason: “Spam reports”",
    });
    expect(restrictionNotice(channel({ restriction: { action: 'warning', reason: null, at: '2026-11-22T10:00:00Z' } }))).toEqual({
      blocking: false,
      text: 'Meta sent this Page a policy warning; sending still works.',
    });
  });

  it("names this app's handover role on a Page", () => {
    expect(handoverRoleText(channel())).toBeNull();
    expect(handoverRoleText(channel({ appRoles: [] }))).toBeNull();
    expect(handoverRoleText(channel({ appRoles: ['primary_receiver'] }))).toBe('Primary receiver');
    expect(handoverRoleText(channel({ appRoles: ['secondary_receiver', 'something_new'] }))).toBe('Secondary receiver, something new');
  });
});
