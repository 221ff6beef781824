import { EntityManager, EntityTarget, InsertResult, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

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
