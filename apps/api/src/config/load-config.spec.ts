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
    expect(sandbox).toMatchObject({ graphUrl: 'http://127.0.0.1:3002', instagramGraphUrl: 'http://127.0.0.1:3002/ig', simUrl: 'http://127.0.0.1:3002', appId: '913300000000001' });
    const production = loadConfig({
      APP_MODE: 'production',
      DATA_DIR: tmp(),
      DATABASE_URL: 'mysql://u:p@db:3306/tg',
      JWT_SECRET: 'x'.repeat(40),
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      FACEBOOK_APP_ID: '1234567890',
      FACEBOOK_APP_SECRET: 'abcdef0123456789abcdef',
      META_WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
    }).meta;
    expect(production).toMatchObject({ graphUrl: 'https://graph.facebook.com', instagramGraphUrl: 'https://graph.instagram.com', simUrl: null, appId: '1234567890' });
  });

  it('requires the Meta app in production', () => {
    expect(() => loadConfig({ APP_MODE: 'production', DATA_DIR: tmp() })).toThrow(/FACEBOOK_APP_ID[\s\S]*FACEBOOK_APP_SECRET[\s\S]*META_WEBHOOK_VERIFY_TOKEN/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: '', API_PORT: '' }).database.type).toBe('sqlite');
  });
});
