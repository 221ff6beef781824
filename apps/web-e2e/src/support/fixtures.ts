import { test as base, expect } from '@playwright/test';

/** A host tests load on purpose to see the policy block it; its violations are expected. */
export const CSP_PROBE_ORIGIN = 'https://csp-probe.invalid';

/**
 * Every journey also fails when the page throws an uncaught error, or when the Content-Security-Policy
 * blocked something the app tried to load, even if the UI looked right.
 */
export const test = base.extend<{ pageErrors: Error[]; cspViolations: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.map((e) => e.message),
        'uncaught errors in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && !message.text().includes(CSP_PROBE_ORIGIN))
          violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'resources blocked by the Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
