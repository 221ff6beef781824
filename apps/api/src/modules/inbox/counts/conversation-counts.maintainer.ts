import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { Dialect, dialectOf } from '../../../database/column-types';
import { COUNT_TRIGGERS, CountRow, addToCounts, countTriggersPresent, installCountTriggers, recountConversations } from './conversation-counts.sql';

/** Tunable for the tests. */
export const COUNT_FOLD = {
  /** Milliseconds between folds of the deltas into the counters. */
  everyMs: 1000,
  /** Deltas folded per transaction. */
  batch: 5000,
};

/**
 * Keeps the maintained folder counts usable: at boot it checks the triggers (a SQLite migration that
 * rebuilds `conversations` drops them; a MySQL user without the TRIGGER grant never had them), creates
 * any missing and recounts; then it folds the deltas the triggers append into `conversation_counts`.
 * `maintained` is false while the triggers are missing: the counts are then read by a scan.
 */
@Injectable()
export class ConversationCountsMaintainer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConversationCountsMaintainer.name);
  private readonly dialect: Dialect;
  private timer: NodeJS.Timeout | null = null;
  private folding: Promise<void> = Promise.resolve();
  maintained = false;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource.options.type);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.repair()))
      this.logger.warn(
        'conversation count triggers are missing and this database user may not create them (grant TRIGGER; with binary logging also SUPER or log_bin_trust_function_creators=1): folder counts scan the conversations instead',
      );
    this.timer = setInterval(() => void this.fold(), COUNT_FOLD.everyMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.folding;
  }

  /** Folds pending deltas now (one batch); the timer calls it, so do tests that want an empty delta table. */
  fold(): Promise<void> {
    this.folding = this.folding
      .then(async () => {
        // a full batch means more are waiting: keep going (a few batches per tick at most)
        for (let i = 0; i < 10 && (await this.foldBatch()) === COUNT_FOLD.batch; i += 1);
      })
      .catch((error: unknown) => this.logger.warn(`folding conversation counts failed: ${String(error)}`));
    return this.folding;
  }

  /** Missing triggers are created and the counters rebuilt (changes made without them were never counted); false when they cannot be. */
  async repair(): Promise<boolean> {
    this.maintained = await this.inTransaction(async (runner) => {
      if ((await countTriggersPresent(runner, this.dialect)) === COUNT_TRIGGERS.length) return true;
      if (!(await installCountTriggers(runner, this.dialect))) return false;
      await recountConversations(runner, this.dialect);
      this.logger.log('conversation count triggers were missing: created them and recounted');
      return true;
    });
    return this.maintained;
  }

  /**
   * One batch: the oldest deltas, locked (an uncommitted one is waited for, never skipped), added to the
   * counters and deleted by id in the same transaction. READ COMMITTED on MySQL takes no gap locks, so
   * writers appending new deltas never wait for a fold.
   */
  private async foldBatch(): Promise<number> {
    if (!this.dataSource.isInitialized) return 0;
    return this.inTransaction(async (runner) => {
      const lock = this.dialect === 'mysql' ? ' FOR UPDATE' : '';
      const rows: (CountRow & { id: number | string })[] = await runner.query(
        `SELECT id, status, platform, assignee_id, n, unread, unread_messages FROM conversation_count_deltas ORDER BY id LIMIT ${COUNT_FOLD.batch}${lock}`,
      );
      if (!rows.length) return 0;
      await addToCounts(runner, this.dialect, rows);
      for (let i = 0; i < rows.length; i += 500) {
        const ids = rows.slice(i, i + 500).map((r) => r.id);
        await runner.query(`DELETE FROM conversation_count_deltas WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
      }
      return rows.length;
    }, 'READ COMMITTED');
  }

  private async inTransaction<T>(work: (runner: QueryRunner) => Promise<T>, isolation?: 'READ COMMITTED'): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction(this.dialect === 'mysql' ? isolation : undefined);
      const result = await work(runner);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
