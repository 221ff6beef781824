import { QueryRunner } from 'typeorm';
import { Dialect } from '../../database/column-types';

/**
 * The SQL of the full-text index on each database, for any table with a `body` column of
 * `searchDocument()` terms: FULLTEXT (InnoDB's default parser, boolean mode) on MySQL/MariaDB, an FTS5
 * external-content table `<table>_fts` (`ascii` tokenizer) kept by triggers on SQLite. The terms are
 * ASCII words, so both engines tokenize them identically.
 */
export const searchSql = {
  /** A condition on `alias` (a row of `table`): its body has every term of `param` as a prefix. */
  match(dialect: Dialect, table: string, alias: string, param: string): string {
    return dialect === 'mysql'
      ? `MATCH(${alias}.body) AGAINST (:${param} IN BOOLEAN MODE)`
      : `${alias}.rowid IN (SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH :${param})`;
  },

  /**
   * A condition that `column` (a `searchDocument()`, or any space-separated terms) holds a word starting with the
   * term in `param` — `documentMatches` for one term, tested where the row is read. A plain substring test is
   * enough: `t` is no hex digit, so a term's `t` can only meet the start of a word. Bytes on MySQL (the terms are
   * ASCII; under the column's Unicode collation LOCATE is about twice as slow). NULL when `column` is NULL.
   */
  holds(dialect: Dialect, column: string, param: string): string {
    return dialect === 'mysql' ? `LOCATE(CAST(:${param} AS BINARY), ${column}) > 0` : `instr(${column}, :${param}) > 0`;
  },

  /** The engine's query for terms from `queryTerms()` (ASCII `t[0-9a-f]+`: nothing to escape). */
  query(dialect: Dialect, terms: string[]): string {
    return dialect === 'mysql' ? terms.map((t) => `+${t}*`).join(' ') : terms.map((t) => `${t}*`).join(' AND ');
  },

  /** Migration: the full-text index over `table.body` (the table exists). */
  async create(queryRunner: QueryRunner, dialect: Dialect, table: string): Promise<void> {
    if (dialect === 'mysql') {
      await queryRunner.query(`CREATE FULLTEXT INDEX ft_${table}_body ON ${table} (body)`);
      return;
    }
    const fts = `${table}_fts`;
    await queryRunner.query(`CREATE VIRTUAL TABLE ${fts} USING fts5(body, content='${table}', content_rowid='rowid', tokenize='ascii')`);
    await queryRunner.query(`CREATE TRIGGER ${table}_ai AFTER INSERT ON ${table} BEGIN INSERT INTO ${fts}(rowid, body) VALUES (new.rowid, new.body); END`);
    await queryRunner.query(
      `CREATE TRIGGER ${table}_ad AFTER DELETE ON ${table} BEGIN INSERT INTO ${fts}(${fts}, rowid, body) VALUES ('delete', old.rowid, old.body); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ${table}_au AFTER UPDATE OF body ON ${table} BEGIN INSERT INTO ${fts}(${fts}, rowid, body) VALUES ('delete', old.rowid, old.body); INSERT INTO ${fts}(rowid, body) VALUES (new.rowid, new.body); END`,
    );
    await queryRunner.query(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
  },

  async drop(queryRunner: QueryRunner, dialect: Dialect, table: string): Promise<void> {
    if (dialect === 'mysql') {
      await queryRunner.query(`DROP INDEX ft_${table}_body ON ${table}`);
      return;
    }
    for (const suffix of ['ai', 'ad', 'au']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_${suffix}`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${table}_fts`);
  },
};
