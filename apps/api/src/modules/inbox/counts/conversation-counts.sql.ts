import { QueryRunner } from 'typeorm';
import { Dialect } from '../../../database/column-types';

/**
 * The SQL of the maintained folder counts (design: docs/architecture.md, "Search and counts"):
 * - `conversation_counts`: per (status, platform, assignee — '' for none), the visible conversations
 *   (`last_message_at` set), those with unread messages, and their unread messages;
 * - `conversation_count_deltas`: what each change of a conversation adds or removes there, appended by
 *   triggers on `conversations` (every writer, in its own transaction, with no row shared between
 *   writers: a counter row updated in place would serialize every ingest batch and deadlock two of them);
 * - the fold: deltas summed into `conversation_counts` and deleted, in one transaction, every second.
 * A read is the sum of both tables under the caller's scope: a few hundred rows.
 */

export const COUNT_TRIGGERS = ['conversation_counts_ai', 'conversation_counts_au', 'conversation_counts_ad'] as const;

const KEY = ['status', 'platform', 'assignee_id'] as const;
const VALUES = ['n', 'unread', 'unread_messages'] as const;
const COLUMNS = [...KEY, ...VALUES].join(', ');

export async function createCountTables(runner: QueryRunner, dialect: Dialect): Promise<void> {
  const values = VALUES.map((v) => `${v} INT NOT NULL DEFAULT 0`).join(', ');
  const key = 'status VARCHAR(16) NOT NULL, platform VARCHAR(16) NOT NULL, assignee_id VARCHAR(36) NOT NULL';
  await runner.query(`CREATE TABLE conversation_counts (${key}, ${values}, PRIMARY KEY (${KEY.join(', ')}))`);
  const id = dialect === 'mysql' ? 'id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'id INTEGER PRIMARY KEY AUTOINCREMENT';
  await runner.query(`CREATE TABLE conversation_count_deltas (${id}, ${key}, ${values})`);
}

export async function dropCountTables(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE IF EXISTS conversation_count_deltas');
  await runner.query('DROP TABLE IF EXISTS conversation_counts');
}

/**
 * `row` ('NEW' or 'OLD') as a delta of `sign`, appended only while the row is visible. On MySQL an IF
 * around INSERT … VALUES: an INSERT … SELECT would take the table's AUTO-INC lock for the statement.
 */
function appendDelta(dialect: Dialect, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign < 0 ? '-' : '';
  const insert = `INSERT INTO conversation_count_deltas (${COLUMNS})`;
  const values = `${row}.status, ${row}.platform, COALESCE(${row}.assignee_id, ''), ${s}1, ${s}(CASE WHEN ${row}.unread_count > 0 THEN 1 ELSE 0 END), ${s}${row}.unread_count`;
  const visible = `${row}.last_message_at IS NOT NULL`;
  return dialect === 'mysql' ? `IF ${visible} THEN ${insert} VALUES (${values}); END IF` : `${insert} SELECT ${values} WHERE ${visible}`;
}

/** The update kept the row's key (status, platform, assignee) and whether it is visible. */
function sameKey(dialect: Dialect): string {
  const same = dialect === 'mysql' ? '<=>' : 'IS';
  return `(OLD.status ${same} NEW.status AND OLD.platform ${same} NEW.platform AND OLD.assignee_id ${same} NEW.assignee_id AND (OLD.last_message_at IS NULL) = (NEW.last_message_at IS NULL))`;
}

/**
 * An update that keeps the row's key and its visibility — a new message, a read — as ONE delta of the difference in
 * unread (none while invisible); a key that changes as the old row out and the new row in.
 */
function updateDelta(dialect: Dialect): string {
  const kept = sameKey(dialect);
  const unread = (row: 'NEW' | 'OLD') => `(CASE WHEN ${row}.unread_count > 0 THEN 1 ELSE 0 END)`;
  const values = `NEW.status, NEW.platform, COALESCE(NEW.assignee_id, ''), 0, ${unread('NEW')} - ${unread('OLD')}, NEW.unread_count - OLD.unread_count`;
  const insert = `INSERT INTO conversation_count_deltas (${COLUMNS})`;
  const visible = 'NEW.last_message_at IS NOT NULL';
  if (dialect === 'mysql')
    return `IF ${kept} THEN IF ${visible} THEN ${insert} VALUES (${values}); END IF; ELSE ${appendDelta(dialect, 'OLD', -1)}; ${appendDelta(dialect, 'NEW', 1)}; END IF`;
  const moved = (row: 'NEW' | 'OLD', sign: 1 | -1) => appendDelta(dialect, row, sign).replace(' WHERE ', ` WHERE NOT ${kept} AND `);
  return `${insert} SELECT ${values} WHERE ${kept} AND ${visible}; ${moved('OLD', -1)}; ${moved('NEW', 1)}`;
}

/** The update changed nothing the counts read. */
function unchanged(dialect: Dialect): string {
  return `(${sameKey(dialect)} AND OLD.unread_count ${dialect === 'mysql' ? '<=>' : 'IS'} NEW.unread_count)`;
}

function triggerStatements(dialect: Dialect): string[] {
  const [ai, , ad] = COUNT_TRIGGERS;
  if (dialect === 'mysql')
    return [
      `CREATE TRIGGER IF NOT EXISTS ${ai} AFTER INSERT ON conversations FOR EACH ROW BEGIN ${appendDelta(dialect, 'NEW', 1)}; END`,
      updateTriggerStatement(dialect),
      `CREATE TRIGGER IF NOT EXISTS ${ad} AFTER DELETE ON conversations FOR EACH ROW BEGIN ${appendDelta(dialect, 'OLD', -1)}; END`,
    ];
  return [
    `CREATE TRIGGER IF NOT EXISTS ${ai} AFTER INSERT ON conversations BEGIN ${appendDelta(dialect, 'NEW', 1)}; END`,
    updateTriggerStatement(dialect),
    `CREATE TRIGGER IF NOT EXISTS ${ad} AFTER DELETE ON conversations BEGIN ${appendDelta(dialect, 'OLD', -1)}; END`,
  ];
}

/** The AFTER UPDATE trigger (see {@link updateDelta}). */
export function updateTriggerStatement(dialect: Dialect): string {
  const au = COUNT_TRIGGERS[1];
  return dialect === 'mysql'
    ? `CREATE TRIGGER IF NOT EXISTS ${au} AFTER UPDATE ON conversations FOR EACH ROW BEGIN IF NOT ${unchanged(dialect)} THEN ${updateDelta(dialect)}; END IF; END`
    : `CREATE TRIGGER IF NOT EXISTS ${au} AFTER UPDATE ON conversations WHEN NOT ${unchanged(dialect)} BEGIN ${updateDelta(dialect)}; END`;
}

/** MySQL/MariaDB errors of a user who may not create triggers (no TRIGGER grant; SUPER needed with binary logging). */
const PRIVILEGE_ERRORS = new Set([
  'ER_SPECIFIC_ACCESS_DENIED_ERROR',
  'ER_TABLEACCESS_DENIED_ERROR',
  'ER_BINLOG_CREATE_ROUTINE_NEED_SUPER',
  'ER_DBACCESS_DENIED_ERROR',
]);

/**
 * Creates the triggers (those missing). False when the database user may not: the counts then stay on
 * the scan (`ConversationCountsRepository`) until a privileged boot creates them.
 */
export async function installCountTriggers(runner: QueryRunner, dialect: Dialect): Promise<boolean> {
  return withTriggerPrivilege(async () => {
    for (const sql of triggerStatements(dialect)) await runner.query(sql);
  });
}

/** Runs `work` (trigger DDL); false when the database user may not. */
export async function withTriggerPrivilege(work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
    if (code && PRIVILEGE_ERRORS.has(code)) return false;
    throw error;
  }
}

export async function dropCountTriggers(runner: QueryRunner): Promise<void> {
  for (const name of COUNT_TRIGGERS) await runner.query(`DROP TRIGGER IF EXISTS ${name}`);
}

/** How many of the triggers exist (SQLite loses them when a migration rebuilds `conversations`). */
export async function countTriggersPresent(runner: QueryRunner, dialect: Dialect): Promise<number> {
  const names = COUNT_TRIGGERS.map(() => '?').join(', ');
  const rows: { n: number | string }[] =
    dialect === 'mysql'
      ? await runner.query(`SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME IN (${names})`, [
          ...COUNT_TRIGGERS,
        ])
      : await runner.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN (${names})`, [...COUNT_TRIGGERS]);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rebuilds `conversation_counts` from `conversations` and drops every delta, in the caller's transaction.
 * On MySQL the conversations are read with shared locks first, so no writer changes one (and appends a
 * delta) between the recount and the delete of the deltas.
 */
export async function recountConversations(runner: QueryRunner, dialect: Dialect): Promise<void> {
  if (dialect === 'mysql') await runner.query('SELECT COUNT(*) AS n FROM conversations LOCK IN SHARE MODE');
  await runner.query('DELETE FROM conversation_counts');
  await runner.query(
    `INSERT INTO conversation_counts (${COLUMNS}) SELECT status, platform, COALESCE(assignee_id, ''), COUNT(*), SUM(CASE WHEN unread_count > 0 THEN 1 ELSE 0 END), SUM(unread_count)
     FROM conversations WHERE last_message_at IS NOT NULL GROUP BY status, platform, COALESCE(assignee_id, '')`,
  );
  await runner.query('DELETE FROM conversation_count_deltas');
}

export type CountRow = Record<(typeof KEY)[number], string> & Record<(typeof VALUES)[number], number>;

/** Adds `rows` (summed per key) to `conversation_counts`. */
export async function addToCounts(runner: QueryRunner, dialect: Dialect, rows: CountRow[]): Promise<void> {
  const sums = new Map<string, CountRow>();
  for (const r of rows) {
    const k = `${r.status}|${r.platform}|${r.assignee_id}`;
    const s = sums.get(k) ?? { status: r.status, platform: r.platform, assignee_id: r.assignee_id, n: 0, unread: 0, unread_messages: 0 };
    for (const v of VALUES) s[v] += Number(r[v]);
    sums.set(k, s);
  }
  if (!sums.size) return;
  const list = [...sums.values()];
  const tuples = list.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
  const params = list.flatMap((s) => [s.status, s.platform, s.assignee_id, s.n, s.unread, s.unread_messages]);
  const sql = `INSERT INTO conversation_counts (${COLUMNS}) VALUES ${tuples}`;
  if (dialect === 'mysql') await runner.query(`${sql} ON DUPLICATE KEY UPDATE ${VALUES.map((v) => `${v} = ${v} + VALUES(${v})`).join(', ')}`, params);
  else await runner.query(`${sql} ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${VALUES.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')}`, params);
}

/** The counts under a scope (`assignees`: only these assignee keys, '' for none; undefined: all), counters plus pending deltas. */
export function readCountsSql(assignees: string[] | undefined): { sql: string; params: string[] } {
  const where = assignees ? ` WHERE assignee_id IN (${assignees.map(() => '?').join(', ')})` : '';
  const part = (table: string) => `SELECT ${COLUMNS} FROM ${table}${where}`;
  return {
    sql: `SELECT k.status, k.platform, k.assignee_id, SUM(k.n) AS n, SUM(k.unread) AS unread, SUM(k.unread_messages) AS unread_messages
      FROM (${part('conversation_counts')} UNION ALL ${part('conversation_count_deltas')}) k GROUP BY k.status, k.platform, k.assignee_id`,
    params: assignees ? [...assignees, ...assignees] : [],
  };
}
