import { FindOptionsWhere, In, ObjectLiteral, Repository } from 'typeorm';

/**
 * Deletes every row matching `where`, `batchSize` rows per statement, so a large backlog never holds
 * long locks or one huge transaction (and runs the same on MySQL and SQLite, which lack a portable
 * DELETE … LIMIT). `beforeDelete` sees each batch first (e.g. to remove files). Returns the count.
 */
export async function deleteInBatches<T extends ObjectLiteral>(
  repo: Repository<T>,
  key: keyof T & string,
  where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
  batchSize: number,
  beforeDelete?: (rows: T[]) => Promise<void>,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await repo.find({ where, take: batchSize });
    if (rows.length === 0) return deleted;
    await beforeDelete?.(rows);
    const result = await repo.delete({ [key]: In(rows.map((row) => row[key])) } as FindOptionsWhere<T>);
    deleted += result.affected ?? rows.length;
    if (rows.length < batchSize) return deleted;
  }
}
