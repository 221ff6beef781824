import { EntityManager, EntityMetadata, EntityTarget, InsertResult, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { dialectOf } from './column-types';

/**
 * INSERT without TypeORM's follow-up SELECT: on MySQL (no RETURNING) an entity with column defaults is
 * re-read after every insert. Our rows carry every value already (ids come from `@BeforeInsert`, which
 * still runs), so the hot path skips that round trip.
 */
export function insertRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<InsertResult> {
  return manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(row as QueryDeepPartialEntity<T>)
    .updateEntity(false)
    .execute();
}

/** The generated id of a single-row insert done with {@link insertRow} (MySQL `insertId`, SQLite `lastInsertRowid`). */
export function insertedId(result: InsertResult): number {
  const raw = result.raw as { insertId?: number | string } | number | bigint | undefined;
  if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw);
  return Number(raw?.insertId);
}

/**
 * Runs the entity's own `@BeforeInsert` hooks on a row that {@link insertRows} will write later (it runs no listeners):
 * its id and timestamps are set now, so the rows that refer to it can be built before it is written.
 */
export function runInsertHooks<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): T {
  for (const listener of manager.connection.getMetadata(target).beforeInsertListeners) if (listener.isAllowed(row)) void listener.execute(row);
  return row;
}

/** Rows per statement at most (well under MySQL's 65,535 placeholders and SQLite's 32,766 for our widest table). */
const ROWS_PER_STATEMENT = 500;

/**
 * A multi-row INSERT built straight from the entity's metadata: TypeORM's query builder spends time per parameter that
 * grows with the statement (a batch of 50 messages is 1,600 parameters), this is one pass over the values. No listeners
 * and no re-read: the rows carry every value; a column a row leaves undefined takes its default (rows that define
 * different columns go in separate statements).
 */
export function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  return writeRows(manager, target, rows, () => '');
}

/**
 * {@link insertRows} that updates the other columns of a row whose `conflictProperties` (a unique key) exist already:
 * `ON DUPLICATE KEY UPDATE` on MySQL, `ON CONFLICT … DO UPDATE` on SQLite. Replaces `manager.upsert()` on hot paths.
 */
export function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  conflictProperties: readonly (keyof T & string)[],
): Promise<void> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const conflict = conflictProperties.map((property) => columnOf(metadata, property).databaseName);
  const mysql = dialectOf(manager.connection.options.type) === 'mysql';
  return writeRows(manager, target, rows, (columns) => {
    const updated = columns.filter((c) => !conflict.includes(c.databaseName)).map((c) => driver.escape(c.databaseName));
    // nothing else to write: keep the row (MySQL needs an assignment; a no-op one)
    const sets = updated.length ? updated : [driver.escape(conflict[0])];
    if (mysql) return ` ON DUPLICATE KEY UPDATE ${sets.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
    return ` ON CONFLICT (${conflict.map((c) => driver.escape(c)).join(', ')}) DO UPDATE SET ${sets.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  });
}

/**
 * {@link insertRows} that returns each row's generated primary key, in the rows' order: `INSERT … RETURNING`, which
 * MariaDB (10.5+) and SQLite have and MySQL has not. A statement's keys are generated in the order of its rows, so its
 * returned keys, sorted, are its rows' keys.
 */
export async function insertRowsReturningIds<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<number[]> {
  const [primary] = manager.connection.getMetadata(target).primaryColumns;
  const ids: number[] = new Array<number>(rows.length);
  await writeRows(
    manager,
    target,
    rows,
    () => ` RETURNING ${manager.connection.driver.escape(primary.databaseName)}`,
    (result, indexes) => {
      const returned = (result as Record<string, unknown>[]).map((r) => Number(r[primary.databaseName])).sort((a, b) => a - b);
      if (returned.length !== indexes.length) throw new Error(`INSERT … RETURNING gave ${returned.length} keys for ${indexes.length} rows`);
      indexes.forEach((index, i) => (ids[index] = returned[i]));
    },
  );
  return ids;
}

async function writeRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  suffix: (columns: ColumnMetadata[]) => string,
  onResult?: (result: unknown, indexes: readonly number[]) => void,
): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const { driver } = manager.connection;
  // rows grouped by the columns they define, each row's values read once
  const shapes = new Map<string, { columns: ColumnMetadata[]; rows: unknown[][]; indexes: number[] }>();
  const insertable = metadata.columns.filter((c) => c.isInsert && !c.isVirtual);
  for (const [index, row] of rows.entries()) {
    const columns: ColumnMetadata[] = [];
    const values: unknown[] = [];
    let key = '';
    for (const column of insertable) {
      const value = column.getEntityValue(row);
      if (value === undefined) continue;
      columns.push(column);
      values.push(value);
      key += `${column.databaseName},`;
    }
    const shape = shapes.get(key) ?? { columns, rows: [], indexes: [] };
    shape.rows.push(values);
    shape.indexes.push(index);
    shapes.set(key, shape);
  }
  for (const { columns, rows: shaped, indexes } of shapes.values()) {
    const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const tail = suffix(columns);
    for (let start = 0; start < shaped.length; start += ROWS_PER_STATEMENT) {
      const chunk = shaped.slice(start, start + ROWS_PER_STATEMENT);
      const params = chunk.flatMap((values) => values.map((value, i) => driver.preparePersistentValue(value, columns[i])));
      const result: unknown = await manager.query(
        `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${chunk.map(() => tuple).join(', ')}${tail}`,
        params,
      );
      onResult?.(result, indexes.slice(start, start + ROWS_PER_STATEMENT));
    }
  }
}

function columnOf(metadata: EntityMetadata, property: string): ColumnMetadata {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column ${property}`);
  return column;
}

/**
 * Several rows' `columns` (property names) set in one UPDATE by primary key (`SET c = CASE id WHEN … THEN … END`),
 * values prepared from the entity metadata like {@link insertRows}. For rows that exist: unlike an upsert, it takes no
 * lock on the table's other unique keys. `also.set`: values every row gets; `also.where`: equalities a row must still
 * meet to be updated. Entities with a single-column primary key only.
 */
export async function updateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
  columns: readonly (keyof T & string)[],
  also: { set?: Partial<T>; where?: Partial<T> } = {},
): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const { driver } = manager.connection;
  const [primary] = metadata.primaryColumns;
  if (metadata.primaryColumns.length !== 1) throw new Error(`${metadata.name}: updateRows needs a single-column primary key`);
  const key = driver.escape(primary.databaseName);
  const constants = (values: Partial<T> | undefined, params: unknown[]): string[] =>
    Object.entries(values ?? {}).map(([property, value]) => {
      const column = columnOf(metadata, property);
      params.push(driver.preparePersistentValue(value, column));
      return `${driver.escape(column.databaseName)} = ?`;
    });
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const sets = columns.map((property) => {
      const column = columnOf(metadata, property);
      const whens = chunk.map((row) => {
        params.push(primary.getEntityValue(row), driver.preparePersistentValue(column.getEntityValue(row), column));
        return 'WHEN ? THEN ?';
      });
      return `${driver.escape(column.databaseName)} = CASE ${key} ${whens.join(' ')} END`;
    });
    sets.push(...constants(also.set, params));
    params.push(...chunk.map((row) => primary.getEntityValue(row)));
    const conditions = [`${key} IN (${chunk.map(() => '?').join(', ')})`, ...constants(also.where, params)];
    await manager.query(`UPDATE ${driver.escape(metadata.tableName)} SET ${sets.join(', ')} WHERE ${conditions.join(' AND ')}`, params);
  }
}
