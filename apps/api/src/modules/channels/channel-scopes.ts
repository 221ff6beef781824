import { ChannelConnection, MessagePlatform } from '@ticklegram/domain-models';

/** Permissions (Meta's names) per way of connecting, reference §3.1. `required` block a connection. */
export interface ScopeRequirement {
  required: readonly string[];
  recommended: readonly string[];
}

export const FACEBOOK_PAGE_SCOPES: ScopeRequirement = {
  required: ['pages_messaging', 'pages_manage_metadata'],
  recommended: ['pages_show_list', 'pages_read_engagement', 'pages_manage_engagement'],
};

export const INSTAGRAM_VIA_PAGE_SCOPES: ScopeRequirement = {
  required: ['instagram_basic', 'instagram_manage_messages', 'pages_manage_metadata'],
  recommended: ['instagram_manage_comments', 'instagram_manage_insights', 'pages_show_list'],
};

export const INSTAGRAM_LOGIN_SCOPES: ScopeRequirement = {
  required: ['instagram_business_basic', 'instagram_business_manage_messages'],
  recommended: ['instagram_business_manage_comments', 'instagram_business_manage_insights'],
};

/** What the Facebook Login dialog asks for (Pages + their Instagram accounts): both platforms, so it lives here. */
export const FACEBOOK_LOGIN_REQUESTED_SCOPES: readonly string[] = [
  ...new Set([...FACEBOOK_PAGE_SCOPES.required, ...FACEBOOK_PAGE_SCOPES.recommended, ...INSTAGRAM_VIA_PAGE_SCOPES.required, ...INSTAGRAM_VIA_PAGE_SCOPES.recommended, 'business_management']),
];

export const INSTAGRAM_LOGIN_REQUESTED_SCOPES: readonly string[] = [...INSTAGRAM_LOGIN_SCOPES.required, ...INSTAGRAM_LOGIN_SCOPES.recommended];

export function scopeRequirement(platform: MessagePlatform, connection: ChannelConnection): ScopeRequirement {
  if (platform === MessagePlatform.FACEBOOK) return FACEBOOK_PAGE_SCOPES;
  return connection === 'instagram_login' ? INSTAGRAM_LOGIN_SCOPES : INSTAGRAM_VIA_PAGE_SCOPES;
}

export function missingScopes(granted: readonly string[], requirement: ScopeRequirement): { required: string[]; recommended: string[] } {
  const have = new Set(granted);
  return {
    required: requirement.required.filter((s) => !have.has(s)),
    recommended: requirement.recommended.filter((s) => !have.has(s)),
  };
}
