import { QueryFailedError } from 'typeorm';

/** A unique-key violation: MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE / PRIMARY KEY constraint. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; errno?: number } | undefined;
  return (
    driver?.code === 'ER_DUP_ENTRY' ||
    driver?.errno === 1062 ||
    driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(error.message)
  );
}

/** MySQL deadlock / lock wait timeout: the transaction was rolled back and may simply run again. */
export function isRetryableLockError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { errno?: number } | undefined;
  return driver?.errno === 1213 || driver?.errno === 1205;
}

/** The server could not parse the statement: MySQL/MariaDB ER_PARSE_ERROR, SQLite "syntax error" (e.g. SQL the server's version lacks). */
export function isSyntaxError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; errno?: number } | undefined;
  return driver?.errno === 1064 || driver?.code === 'ER_PARSE_ERROR' || /syntax error/.test(error.message);
}

/**
 * Runs `work` again, up to `attempts` times in all, when the database rolled it back (deadlock, lock wait timeout) or a
 * concurrent writer stored first a row it inserts; `work` must be a whole transaction (or none) and safe to repeat.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !(isDuplicateKeyError(error) || isRetryableLockError(error))) throw error;
    }
  }
}
