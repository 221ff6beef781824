import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * One place that turns configuration into TypeORM options, shared by the Nest module, the CLI and the
 * tests. `synchronize` is never on: the schema changes only through migrations.
 */
export function buildDataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logging: database.logging,
  } as const;

  if (database.type === 'mysql') {
    return {
      ...common,
      // TypeORM reads MariaDB's catalog slightly differently (defaults, JSON): let the URL scheme say which
      type: database.url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
      url: database.url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      // trace: mysql2 captures a stack trace for every query to decorate a failing one; a few % of the worker's CPU
      extra: { connectionLimit: 20, trace: false },
    };
  }

  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}
