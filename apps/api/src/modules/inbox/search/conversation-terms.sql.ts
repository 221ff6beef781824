import { EntityManager, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { columns, Dialect } from '../../../database/column-types';

/**
 * `conversation_terms (conversation_id, terms)`: the distinct terms of all the conversation's message
 * documents in one row, so the search walk tests a conversation by one primary-key read instead of
 * reading its ~10 message documents. A superset, never a verdict: terms are only ever added (an edit, an
 * unsend or a moved message leaves its old terms behind), so a conversation whose row holds every query
 * term is a candidate whose message documents still decide. No full-text index: the row is rewritten
 * on every message, which would re-index the whole thread each time.
 */
export const conversationTermsSql = {
  /**
   * One statement that adds the terms of a message document (`searchDocument()`, distinct) to its
   * conversation's row, each only when the row does not hold it yet.
   */
  append(dialect: Dialect, conversationId: string, body: string): [string, unknown[]] {
    const terms = body.split(' ');
    const params: unknown[] = [conversationId, body];
    const parts = terms.map((t) => {
      params.push(` ${t} `, ` ${t}`);
      return dialect === 'mysql' ? `IF(LOCATE(?, CONCAT(' ', terms, ' ')) = 0, ?, '')` : `CASE WHEN instr(' ' || terms || ' ', ?) = 0 THEN ? ELSE '' END`;
    });
    const sql =
      dialect === 'mysql'
        ? `INSERT INTO conversation_terms (conversation_id, terms) VALUES (?, ?) ON DUPLICATE KEY UPDATE terms = CONCAT(terms, ${parts.join(', ')})`
        : `INSERT INTO conversation_terms (conversation_id, terms) VALUES (?, ?) ON CONFLICT (conversation_id) DO UPDATE SET terms = terms || ${parts.join(' || ')}`;
    return [sql, params];
  },

  /**
   * The terms of many conversations added in two statements: their rows read (locked on MySQL, so nothing appends
   * in between), then one multi-row insert of each conversation's missing terms that appends them to an existing
   * row. A row that another writer inserts after the read only gets terms it may already hold (harmless: a superset).
   */
  async appendMany(manager: EntityManager, dialect: Dialect, terms: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
    const ids = [...terms.keys()].sort();
    if (!ids.length) return;
    const rows = (await manager.query(
      `SELECT conversation_id, terms FROM conversation_terms WHERE conversation_id IN (${ids.map(() => '?').join(', ')})${dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
      ids,
    )) as { conversation_id: string; terms: string }[];
    const held = new Map(rows.map((r) => [r.conversation_id, new Set(r.terms.split(' '))]));
    const missing = ids.map((id) => [id, [...(terms.get(id) ?? [])].filter((t) => !held.get(id)?.has(t)).join(' ')] as const).filter(([, added]) => added);
    if (!missing.length) return;
    const values = missing.map(() => '(?, ?)').join(', ');
    const sql =
      dialect === 'mysql'
        ? `INSERT INTO conversation_terms (conversation_id, terms) VALUES ${values} ON DUPLICATE KEY UPDATE terms = CONCAT(terms, ' ', VALUES(terms))`
        : `INSERT INTO conversation_terms (conversation_id, terms) VALUES ${values} ON CONFLICT (conversation_id) DO UPDATE SET terms = terms || ' ' || excluded.terms`;
    await manager.query(sql, missing.flat());
  },

  /** Migration: the table, filled from `message_search` a batch of conversations at a time. */
  async create(queryRunner: QueryRunner, dialect: Dialect): Promise<void> {
    const c = columns(dialect);
    await queryRunner.createTable(
      new Table({
        name: 'conversation_terms',
        columns: [c.uuidPrimary('conversation_id'), c.text('terms')],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_conversation_terms_conversation',
            columnNames: ['conversation_id'],
            referencedTableName: 'conversations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await fill(queryRunner);
  },

  async drop(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('conversation_terms');
  },
};

const BATCH = 500;

/** The union of the message documents of every conversation that has any, `BATCH` conversations a step. */
async function fill(queryRunner: QueryRunner): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (await queryRunner.query(`SELECT id FROM conversations WHERE id > ? ORDER BY id LIMIT ${BATCH}`, [after])) as { id: string }[];
    if (!ids.length) return;
    after = ids[ids.length - 1].id;
    const docs = (await queryRunner.query(
      `SELECT conversation_id, body FROM message_search WHERE conversation_id IN (${ids.map(() => '?').join(', ')})`,
      ids.map((r) => r.id),
    )) as { conversation_id: string; body: string }[];
    const union = new Map<string, Set<string>>();
    for (const d of docs) {
      const set = union.get(d.conversation_id) ?? new Set<string>();
      for (const t of d.body.split(' ')) set.add(t);
      union.set(d.conversation_id, set);
    }
    if (!union.size) continue;
    const rows = [...union].map(([id, set]) => [id, [...set].join(' ')]);
    await queryRunner.query(`INSERT INTO conversation_terms (conversation_id, terms) VALUES ${rows.map(() => '(?, ?)').join(', ')}`, rows.flat());
  }
}
