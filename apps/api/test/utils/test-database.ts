import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A private, empty database for one test file: a temp SQLite file by default, or — when a MySQL/MariaDB
 * server is named (`serverUrl`, by default TEST_DATABASE_URL=mysql://…) — a freshly created database on it.
 * Either way the api's migrations build the schema, so every run also tests the migrations.
 */
export interface TestDatabase {
  kind: 'sqlite' | 'mysql';
  dataDir: string;
  /** DATABASE_URL for the api; undefined means embedded SQLite in dataDir. */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(serverUrl = process.env['TEST_DATABASE_URL']): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-int-'));
  if (!serverUrl) {
    return { kind: 'sqlite', dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `tg_it_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'mysql',
    dataDir,
    url: url.toString(),
    drop: async () => {
      const conn = await createConnection({ uri: serverUrl });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
