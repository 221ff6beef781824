import { ChannelConnection, MessagePlatform } from '@ticklegram/domain-models';

/** A product feature that needs permissions beyond connecting the account; its card says so when they are missing. */
export interface FeatureScopes {
  feature: string;
  scopes: readonly string[];
  /** What does not work without them, for the channel card. */
  effect: string;
}

/** Permissions (Meta's names) per way of connecting, reference §3.1. `required` block a connection. */
export interface ScopeRequirement {
  required: readonly string[];
  recommended: readonly string[];
  features?: readonly FeatureScopes[];
}

/**
 * Features of a Facebook Page channel and their permissions — the one list the Facebook Login dialog
 * also asks from (add a feature's permissions here, e.g. the Conversions API's, and both follow).
 */
export const PAGE_FEATURE_SCOPES: readonly FeatureScopes[] = [
  {
    feature: 'Utility templates',
    scopes: ['page_utility_messaging'],
    effect: 'Templates cannot be created, reviewed or sent outside the 24-hour window. Reconnect the Page and allow the permission.',
  },
  {
    feature: 'Conversions API',
    scopes: ['page_events'],
    effect:
      'Outcomes recorded on Messenger conversations cannot be reported to Meta (Conversions API for business messaging). Reconnect the Page and allow the permission.',
  },
  {
    feature: 'Ad names in attribution',
    scopes: ['ads_read'],
    effect: 'Attribution shows ads by id only, without their campaign and ad set. Reconnect and allow the permission.',
  },
];

/** Features of an Instagram account connected through a Page (Facebook Login) and their permissions. */
export const INSTAGRAM_FEATURE_SCOPES: readonly FeatureScopes[] = [
  {
    feature: 'Conversions API',
    scopes: ['instagram_manage_events'],
    effect:
      'Outcomes recorded on Instagram conversations cannot be reported to Meta (Conversions API for business messaging). Reconnect through Facebook Login and allow the permission.',
  },
  {
    feature: 'Ad names in attribution',
    scopes: ['ads_read'],
    effect: 'Attribution shows ads by id only, without their campaign and ad set. Reconnect and allow the permission.',
  },
];

export const FACEBOOK_PAGE_SCOPES: ScopeRequirement = {
  required: ['pages_messaging', 'pages_manage_metadata'],
  recommended: ['pages_show_list', 'pages_read_engagement', 'pages_manage_engagement'],
  features: PAGE_FEATURE_SCOPES,
};

export const INSTAGRAM_VIA_PAGE_SCOPES: ScopeRequirement = {
  required: ['instagram_basic', 'instagram_manage_messages', 'pages_manage_metadata'],
  recommended: ['instagram_manage_comments', 'instagram_manage_insights', 'pages_show_list'],
  features: INSTAGRAM_FEATURE_SCOPES,
};

export const INSTAGRAM_LOGIN_SCOPES: ScopeRequirement = {
  required: ['instagram_business_basic', 'instagram_business_manage_messages'],
  recommended: ['instagram_business_manage_comments', 'instagram_business_manage_insights'],
};

/** What the Facebook Login dialog asks for (Pages + their Instagram accounts): both platforms, so it lives here. */
export const FACEBOOK_LOGIN_REQUESTED_SCOPES: readonly string[] = [
  ...new Set([
    ...FACEBOOK_PAGE_SCOPES.required,
    ...FACEBOOK_PAGE_SCOPES.recommended,
    ...PAGE_FEATURE_SCOPES.flatMap((f) => f.scopes),
    ...INSTAGRAM_VIA_PAGE_SCOPES.required,
    ...INSTAGRAM_VIA_PAGE_SCOPES.recommended,
    ...INSTAGRAM_FEATURE_SCOPES.flatMap((f) => f.scopes),
    'business_management',
  ]),
];

export const INSTAGRAM_LOGIN_REQUESTED_SCOPES: readonly string[] = [...INSTAGRAM_LOGIN_SCOPES.required, ...INSTAGRAM_LOGIN_SCOPES.recommended];

export function scopeRequirement(platform: MessagePlatform, connection: ChannelConnection): ScopeRequirement {
  if (platform === MessagePlatform.FACEBOOK) return FACEBOOK_PAGE_SCOPES;
  return connection === 'instagram_login' ? INSTAGRAM_LOGIN_SCOPES : INSTAGRAM_VIA_PAGE_SCOPES;
}

/**
 * Other names Meta may report for a permission: its docs name `page_utility_messaging`, an integration
 * reports the login dialog granting `pages_utility_messaging` (reference §9, unverified). Either counts.
 */
const SCOPE_ALIASES: Record<string, readonly string[]> = { page_utility_messaging: ['pages_utility_messaging'] };

function grantedSet(granted: readonly string[]): Set<string> {
  const have = new Set(granted);
  for (const [scope, aliases] of Object.entries(SCOPE_ALIASES)) if (aliases.some((a) => have.has(a))) have.add(scope);
  return have;
}

export function missingScopes(granted: readonly string[], requirement: ScopeRequirement): { required: string[]; recommended: string[] } {
  const have = grantedSet(granted);
  const featureScopes = (requirement.features ?? []).flatMap((f) => f.scopes);
  return {
    required: requirement.required.filter((s) => !have.has(s)),
    recommended: [...new Set([...requirement.recommended, ...featureScopes])].filter((s) => !have.has(s)),
  };
}

/** Features that do not work because the token lacks their permissions. */
export function featureGaps(granted: readonly string[], requirement: ScopeRequirement): { feature: string; missingScopes: string[]; effect: string }[] {
  const have = grantedSet(granted);
  return (requirement.features ?? [])
    .map((f) => ({ feature: f.feature, missingScopes: f.scopes.filter((s) => !have.has(s)), effect: f.effect }))
    .filter((gap) => gap.missingScopes.length > 0);
}
