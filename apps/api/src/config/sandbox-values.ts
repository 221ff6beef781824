import { EnvVars } from './env.schema';

/**
 * The Meta simulator's app (tools/meta-sim seeds the same values): sandbox mode talks to it out of
 * the box. Public knowledge, so production refuses every one of them.
 */
export const SANDBOX_META_APP = { id: '913300000000001', secret: 'sim-app-secret-4f8a2c91d7b3e650', verifyToken: 'sim-verify-token' };
/** The simulator's seeded Page token and Instagram Login token (tools/meta-sim SIM_SEED), connected at first sandbox start. */
export const SANDBOX_META_TOKENS = { pageToken: 'EAASimPageToken104825791234560', instagramLoginToken: 'IGAASimIgUserToken17841400000000002' };

const WELL_KNOWN: { variable: keyof EnvVars; value: string; what: string }[] = [
  { variable: 'FACEBOOK_APP_ID', value: SANDBOX_META_APP.id, what: "the Meta simulator's app id" },
  { variable: 'INSTAGRAM_APP_ID', value: SANDBOX_META_APP.id, what: "the Meta simulator's app id" },
  { variable: 'FACEBOOK_APP_SECRET', value: SANDBOX_META_APP.secret, what: "the Meta simulator's published app secret" },
  { variable: 'INSTAGRAM_APP_SECRET', value: SANDBOX_META_APP.secret, what: "the Meta simulator's published app secret" },
  { variable: 'META_WEBHOOK_VERIFY_TOKEN', value: SANDBOX_META_APP.verifyToken, what: "the Meta simulator's published verify token" },
  { variable: 'INSTAGRAM_PAGE_ACCESS_TOKEN', value: SANDBOX_META_TOKENS.pageToken, what: "the Meta simulator's seeded Page token" },
  { variable: 'INSTAGRAM_ACCESS_TOKEN', value: SANDBOX_META_TOKENS.instagramLoginToken, what: "the Meta simulator's seeded Instagram token" },
];

/**
 * Production must not run on the sandbox's published secrets: anyone could sign webhooks with the
 * simulator's app secret or answer the verify challenge. Returns one problem per offending variable.
 */
export function sandboxValuesInProduction(env: EnvVars): string[] {
  const problems = WELL_KNOWN.filter(({ variable, value }) => env[variable] === value).map(
    ({ variable, what }) => `${variable} is ${what}; production needs the value from your own Meta app`,
  );
  if (env.META_SIM_URL) problems.push('META_SIM_URL is for sandbox mode only; unset it in production');
  return problems;
}
