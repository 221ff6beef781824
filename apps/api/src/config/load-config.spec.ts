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

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: '', API_PORT: '' }).database.type).toBe('sqlite');
  });
});
