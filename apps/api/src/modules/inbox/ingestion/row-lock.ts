import { EntityManager } from 'typeorm';

/**
 * MySQL: a locking read sees the latest committed rows and waits for writers, so two workers applying
 * events of the same conversation serialise on its row (or on the gap where it will be inserted).
 * SQLite has one writer anyway.
 */
export function lockFor(m: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  const type = m.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? { lock: { mode: 'pessimistic_write' } } : {};
}
