export interface InsertBatcherLimits {
  /** Rows per INSERT at most. */
  maxRows: number;
  /** Bytes of rows per INSERT at most (a single larger row still goes, alone). */
  maxBytes: number;
  /** INSERTs running at once; rows arriving meanwhile wait and go together in the next one. */
  maxInFlight: number;
}

interface Waiting<T> {
  row: T;
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the webhook acknowledgement: a row is written at once when an INSERT slot is free (no added
 * latency when traffic is light); rows that arrive while the slots are busy are written together by the next
 * multi-row INSERT, so under load one statement and one fsync acknowledge many deliveries. Each caller's promise
 * settles only when its own row is committed. When a multi-row INSERT fails, its rows are retried one by one,
 * so one row the database refuses never fails the deliveries that came with it.
 */
export class InsertBatcher<T> {
  private readonly waiting: Waiting<T>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly limits: InsertBatcherLimits,
  ) {}

  add(row: T, bytes: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, bytes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight && this.waiting.length) {
      const batch = this.take();
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private take(): Waiting<T>[] {
    let count = 0;
    let bytes = 0;
    while (count < this.waiting.length && count < this.limits.maxRows) {
      const next = this.waiting[count].bytes;
      if (count > 0 && bytes + next > this.limits.maxBytes) break;
      bytes += next;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async flush(batch: Waiting<T>[]): Promise<void> {
    try {
      await this.write(batch.map((w) => w.row));
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(
        batch.map((w) =>
          this.write([w.row]).then(
            () => w.resolve(),
            (alone: unknown) => w.reject(alone),
          ),
        ),
      );
    }
  }
}
