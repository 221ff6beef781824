import { MessagePlatform } from '@ticklegram/domain-models';
import {
  FACEBOOK_LOGIN_REQUESTED_SCOPES,
  featureGaps,
  INSTAGRAM_LOGIN_REQUESTED_SCOPES,
  missingScopes,
  PAGE_FEATURE_SCOPES,
  scopeRequirement,
} from './channel-scopes';

describe('channel scopes', () => {
  it.each([
    [MessagePlatform.FACEBOOK, 'facebook_login', ['pages_messaging', 'pages_manage_metadata']],
    [MessagePlatform.INSTAGRAM, 'facebook_login', ['instagram_basic', 'instagram_manage_messages', 'pages_manage_metadata']],
    [MessagePlatform.INSTAGRAM, 'instagram_login', ['instagram_business_basic', 'instagram_business_manage_messages']],
  ] as const)('%s via %s requires %j', (platform, connection, required) => {
    expect(scopeRequirement(platform, connection).required).toEqual(required);
  });

  it('splits what is missing into blocking and optional permissions', () => {
    const granted = ['instagram_basic', 'pages_manage_metadata', 'instagram_manage_comments'];
    expect(missingScopes(granted, scopeRequirement(MessagePlatform.INSTAGRAM, 'facebook_login'))).toEqual({
      required: ['instagram_manage_messages'],
      recommended: ['instagram_manage_insights', 'pages_show_list', 'instagram_manage_events', 'ads_read'],
    });
  });

  it('a Page without page_utility_messaging misses the utility templates feature (and the login dialog asks for it)', () => {
    const page = scopeRequirement(MessagePlatform.FACEBOOK, 'facebook_login');
    const granted = ['pages_messaging', 'pages_manage_metadata', 'pages_show_list', 'pages_read_engagement', 'pages_manage_engagement'];
    expect(missingScopes(granted, page)).toEqual({ required: [], recommended: ['page_utility_messaging', 'page_events', 'ads_read'] });
    expect(featureGaps(granted, page)).toContainEqual({
      feature: 'Utility templates',
      missingScopes: ['page_utility_messaging'],
      effect: expect.stringContaining('Reconnect the Page'),
    });
    expect(featureGaps([...granted, 'page_utility_messaging', 'page_events', 'ads_read'], page)).toEqual([]);
    expect(featureGaps([...granted, 'pages_utility_messaging', 'page_events', 'ads_read'], page)).toEqual([]);
    expect(FACEBOOK_LOGIN_REQUESTED_SCOPES).toEqual(expect.arrayContaining(PAGE_FEATURE_SCOPES.flatMap((f) => f.scopes)));
  });

  it('the Conversions API for business messaging needs page_events (Pages) and instagram_manage_events (Instagram via a Page)', () => {
    const page = scopeRequirement(MessagePlatform.FACEBOOK, 'facebook_login');
    const igViaPage = scopeRequirement(MessagePlatform.INSTAGRAM, 'facebook_login');
    expect(featureGaps(['pages_messaging', 'page_utility_messaging', 'ads_read'], page)).toEqual([
      { feature: 'Conversions API', missingScopes: ['page_events'], effect: expect.stringContaining('Reconnect the Page') },
    ]);
    expect(featureGaps(['instagram_basic', 'ads_read'], igViaPage)).toEqual([
      { feature: 'Conversions API', missingScopes: ['instagram_manage_events'], effect: expect.stringContaining('Conversions API') },
    ]);
    expect(featureGaps(['instagram_basic', 'instagram_manage_events', 'ads_read'], igViaPage)).toEqual([]);
    expect(featureGaps(['instagram_basic', 'instagram_manage_events'], igViaPage).map((g) => g.feature)).toEqual(['Ad names in attribution']);
    expect(FACEBOOK_LOGIN_REQUESTED_SCOPES).toEqual(expect.arrayContaining(['page_events', 'instagram_manage_events']));
  });

  it('asks each login dialog for every permission its channels need, once', () => {
    for (const connection of ['facebook_login'] as const) {
      for (const platform of [MessagePlatform.FACEBOOK, MessagePlatform.INSTAGRAM]) {
        const { required, recommended } = scopeRequirement(platform, connection);
        expect(FACEBOOK_LOGIN_REQUESTED_SCOPES).toEqual(expect.arrayContaining([...required, ...recommended]));
      }
    }
    const ig = scopeRequirement(MessagePlatform.INSTAGRAM, 'instagram_login');
    expect(INSTAGRAM_LOGIN_REQUESTED_SCOPES).toEqual([...ig.required, ...ig.recommended]);
    expect(new Set(FACEBOOK_LOGIN_REQUESTED_SCOPES).size).toBe(FACEBOOK_LOGIN_REQUESTED_SCOPES.length);
  });
});
