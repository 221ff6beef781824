import { TableColumnOptions } from 'typeorm';

/**
 * Column builders for hand-written migrations that must run on MySQL/MariaDB and SQLite alike.
 * The Table API passes types through as written, so the dialect differences live here, once.
 */
export type Dialect = 'mysql' | 'sqlite';

export function dialectOf(driverType: string): Dialect {
  return driverType === 'mysql' || driverType === 'mariadb' ? 'mysql' : 'sqlite';
}

type Extra = Partial<TableColumnOptions>;

export const columns = (dialect: Dialect) => ({
  uuidPrimary: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  /** Auto-increment surrogate key (INT on MySQL; SQLite's AUTOINCREMENT accepts only INTEGER). */
  incrementPrimary: (name = 'id'): TableColumnOptions => ({
    name,
    type: dialect === 'mysql' ? 'int' : 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  uuid: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'varchar', length: '36', ...extra }),
  string: (name: string, length: number, extra: Extra = {}): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...extra }),
  text: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: dialect === 'mysql' ? 'mediumtext' : 'text', ...extra }),
  /** INT on MySQL; INTEGER on SQLite, which is what TypeORM reads back there for an `int` entity column. */
  int: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: dialect === 'mysql' ? 'int' : 'integer', ...extra }),
  bigint: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: dialect === 'mysql' ? 'bigint' : 'integer', ...extra }),
  /** BOOLEAN is TINYINT(1) on MySQL and a 0/1 integer on SQLite. */
  boolean: (name: string, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'boolean',
    ...extra,
    ...(dialect === 'sqlite' && typeof extra.default === 'boolean' && { default: extra.default ? 1 : 0 }),
  }),
  json: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'json', ...extra }),
  enum: (name: string, values: readonly string[], extra: Extra = {}): TableColumnOptions => ({
    name,
    type: dialect === 'mysql' ? 'enum' : 'simple-enum',
    enum: [...values],
    ...extra,
  }),
  /** UTC timestamp with millisecond precision. Values are set by the application, never by a DB default. */
  timestamp: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'datetime', precision: 3, ...extra }),
});
