import { RunningMetaSim, startMetaSim } from '@ticklegram/meta-sim';
import { startTestApp, TEST_ADMIN, TestApp } from './test-app';

export const SIM_WEB_URL = 'http://127.0.0.1:3999';

/** The api booted against a private Meta simulator (Graph, Instagram hosts and login dialogs). */
export async function startAppWithSim(env: Record<string, string> = {}): Promise<{ t: TestApp; sim: RunningMetaSim; adminToken: string }> {
  const sim = await startMetaSim({ port: 0 });
  const t = await startTestApp({ META_SIM_URL: sim.url, PUBLIC_WEB_URL: SIM_WEB_URL, ...env });
  const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
  return { t, sim, adminToken: admin.accessToken };
}

/**
 * Plays the admin in Meta's login dialog: opens the authorize URL like a browser, picks the account and
 * presses Allow; returns the query Meta appended to our redirect URI.
 */
export async function approveInDialog(sim: RunningMetaSim, authorizeUrl: string, subject: string): Promise<URLSearchParams> {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`dialog answered ${page.status}`);
  const html = await page.text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const form = new URLSearchParams({
    flavour: hidden('flavour'),
    redirect_uri: hidden('redirect_uri'),
    state: hidden('state'),
    scope: hidden('scope'),
    subject,
    decision: 'allow',
  });
  const res = await fetch(`${sim.url}/_sim/oauth/decide`, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`dialog did not redirect: ${res.status} ${await res.text()}`);
  return new URL(location.replace(/#_$/, '')).searchParams;
}

/** Every string the sim knows as a token (seeded and issued during the test). */
export function simTokenStrings(sim: RunningMetaSim): string[] {
  return [...sim.context.store.tokens.keys()].filter((token) => !token.includes('|'));
}
