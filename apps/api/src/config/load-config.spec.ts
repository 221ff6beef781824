import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError } from './config.exception';
import { loadConfig } from './load-config';

const tmp = () => mkdtempSync(join(tmpdir(), 'tg-config-'));

describe('loadConfig', () => {
  it('defaults to sandbox mode on an embedded SQLite file with generated, persisted secrets', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }, '/');
    expect(first.mode).toBe('sandbox');
    expect(first.database).toEqual({ type: 'sqlite', path: join(dir, 'ticklegram.sqlite'), runMigrations: true, logging: false });
    expect(first.tokenEncryptionKey).toHaveLength(32);
    const second = loadConfig({ DATA_DIR: dir }, '/');
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
  });

  it('uses MySQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://root@127.0.0.1:3306/tg' });
    expect(config.database).toMatchObject({ type: 'mysql', url: 'mysql://root@127.0.0.1:3306/tg' });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ APP_MODE: 'production', API_PORT: 'ninety', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    for (const name of ['API_PORT', 'DATABASE_URL', 'JWT_SECRET', 'TOKEN_ENCRYPTION_KEY', 'LOG_LEVEL']) {
      expect(message).toContain(name);
    }
  });

  it('requires ADMIN_PASSWORD with ADMIN_EMAIL and normalises the email', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), ADMIN_EMAIL: 'a@b.co' })).toThrow(/ADMIN_PASSWORD/);
    const config = loadConfig({ DATA_DIR: tmp(), ADMIN_EMAIL: ' Boss@Example.COM ', ADMIN_PASSWORD: 'long-enough-pw' });
    expect(config.initialAdmin).toEqual({ email: 'boss@example.com', password: 'long-enough-pw', name: 'Admin' });
  });

  it('points sandbox mode at the Meta simulator and production at Meta', () => {
    const sandbox = loadConfig({ DATA_DIR: tmp() }).meta;
    expect(sandbox).toMatchObject({
      graphUrl: 'http://127.0.0.1:3002',
      instagramGraphUrl: 'http://127.0.0.1:3002/ig',
      simUrl: 'http://127.0.0.1:3002',
      appId: '913300000000001',
    });
    const production = loadConfig({
      APP_MODE: 'production',
      DATA_DIR: tmp(),
      DATABASE_URL: 'mysql://u:p@db:3306/tg',
      JWT_SECRET: 'x'.repeat(40),
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      FACEBOOK_APP_ID: '1234567890',
      FACEBOOK_APP_SECRET: 'abcdef0123456789abcdef',
      META_WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
      API_PUBLIC_URL: 'https://api.inbox.example.com',
    }).meta;
    expect(production).toMatchObject({
      graphUrl: 'https://graph.facebook.com',
      instagramGraphUrl: 'https://graph.instagram.com',
      simUrl: null,
      appId: '1234567890',
    });
  });

  it('requires the Meta app in production', () => {
    expect(() => loadConfig({ APP_MODE: 'production', DATA_DIR: tmp() })).toThrow(/FACEBOOK_APP_ID[\s\S]*FACEBOOK_APP_SECRET[\s\S]*META_WEBHOOK_VERIFY_TOKEN/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: '', API_PORT: '' }).database.type).toBe('sqlite');
  });

  const production = {
    APP_MODE: 'production',
    DATABASE_URL: 'mysql://u:p@db:3306/tg',
    JWT_SECRET: 'x'.repeat(40),
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    FACEBOOK_APP_ID: '1234567890',
    FACEBOOK_APP_SECRET: 'abcdef0123456789abcdef',
    META_WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
    API_PUBLIC_URL: 'https://api.inbox.example.com/',
  };

  it('is never the sandbox by default when NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/DATABASE_URL[\s\S]*JWT_SECRET[\s\S]*TOKEN_ENCRYPTION_KEY/);
    const withoutMode: Record<string, string> = { ...production };
    delete withoutMode['APP_MODE'];
    expect(loadConfig({ ...withoutMode, NODE_ENV: 'production', DATA_DIR: tmp() }).mode).toBe('production');
    // an explicit sandbox is still possible (a demo built for production)
    expect(loadConfig({ NODE_ENV: 'production', APP_MODE: 'sandbox', DATA_DIR: tmp() }).mode).toBe('sandbox');
  });

  it("refuses the simulator's published app id, secrets, verify token and seeded tokens in production", () => {
    let error: unknown;
    try {
      loadConfig({
        ...production,
        DATA_DIR: tmp(),
        FACEBOOK_APP_ID: '913300000000001',
        FACEBOOK_APP_SECRET: 'sim-app-secret-4f8a2c91d7b3e650',
        INSTAGRAM_APP_SECRET: 'sim-app-secret-4f8a2c91d7b3e650',
        META_WEBHOOK_VERIFY_TOKEN: 'sim-verify-token',
        INSTAGRAM_PAGE_ACCESS_TOKEN: 'EAASimPageToken104825791234560',
        META_SIM_URL: 'http://127.0.0.1:3002',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems.join('\n');
    for (const name of [
      'FACEBOOK_APP_ID',
      'FACEBOOK_APP_SECRET',
      'INSTAGRAM_APP_SECRET',
      'META_WEBHOOK_VERIFY_TOKEN',
      'INSTAGRAM_PAGE_ACCESS_TOKEN',
      'META_SIM_URL',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain("the Meta simulator's published app secret");
    // the same values are fine in the sandbox, where they are the point
    expect(() => loadConfig({ DATA_DIR: tmp(), FACEBOOK_APP_SECRET: 'sim-app-secret-4f8a2c91d7b3e650' })).not.toThrow();
  });

  it('needs the public api URL in production; the sandbox uses the local api', () => {
    const withoutUrl: Record<string, string> = { ...production };
    delete withoutUrl['API_PUBLIC_URL'];
    expect(() => loadConfig({ ...withoutUrl, DATA_DIR: tmp() })).toThrow(/API_PUBLIC_URL/);
    expect(loadConfig({ ...production, DATA_DIR: tmp() }).http.publicApiUrl).toBe('https://api.inbox.example.com');
    expect(loadConfig({ DATA_DIR: tmp(), API_PORT: '4401' }).http.publicApiUrl).toBe('http://127.0.0.1:4401');
  });

  it('serves the API docs publicly in the sandbox and not in production unless asked', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).http.docs).toBe('public');
    expect(loadConfig({ ...production, DATA_DIR: tmp() }).http.docs).toBe('off');
    expect(loadConfig({ ...production, DATA_DIR: tmp(), API_DOCS: 'public' }).http.docs).toBe('public');
    expect(() => loadConfig({ DATA_DIR: tmp(), API_DOCS: 'sometimes' })).toThrow(/API_DOCS/);
  });

  it('trusts X-Forwarded-For from loopback only unless proxies are configured', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).http.trustedProxies).toEqual(['loopback']);
    expect(loadConfig({ DATA_DIR: tmp(), TRUSTED_PROXIES: '10.0.0.5, 172.28.0.0/24' }).http.trustedProxies).toEqual(['10.0.0.5', '172.28.0.0/24']);
    expect(() => loadConfig({ DATA_DIR: tmp(), TRUSTED_PROXIES: 'any; rm -rf' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('validates retention periods; applied-event keys must outlast Meta redelivery', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).retention).toMatchObject({ uploadsDays: 30, webhookEventsDays: 14, appliedEventsDays: 30, refreshTokensDays: 7 });
    expect(loadConfig({ DATA_DIR: tmp(), RETENTION_APPLIED_EVENTS_DAYS: '0' }).retention.appliedEventsDays).toBe(0);
    expect(() => loadConfig({ DATA_DIR: tmp(), RETENTION_APPLIED_EVENTS_DAYS: '1' })).toThrow(/RETENTION_APPLIED_EVENTS_DAYS/);
    expect(() => loadConfig({ DATA_DIR: tmp(), RETENTION_UPLOADS_DAYS: '-3' })).toThrow(/RETENTION_UPLOADS_DAYS/);
  });
});
