export interface InsertBatcherLimits {
  /** Rows per INSERT at most. */
  maxRows: number;
  /** Bytes of rows per INSERT at most (a single larger row still goes, alone). */
  maxBytes: number;
  /** INSERTs running at once; rows arriving meanwhile wait and go together in the next one. */
  maxInFlight: number;
  /**
   * A row that arrives less than this many ms after the previous one waits until it is this old for others to share its
   * INSERT (unless a full INSERT is waiting); a row after a quieter gap is written at once. 0: never wait.
   */
  coalesceMs: number;
}

interface Waiting<T> {
  row: T;
  bytes: number;
  /** `performance.now()` when it arrived. */
  at: number;
  /** It came less than `coalesceMs` after the row before it. */
  busy: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the webhook acknowledgement: a row is written at once when an INSERT slot is free and traffic is
 * light (no added latency); rows that arrive while the slots are busy, or within `coalesceMs` of each other, are
 * written together by one multi-row INSERT, so under load one statement and one fsync acknowledge many deliveries (at
 * 1,000 a second, single-row INSERTs cost the database twice the CPU per delivery — docs/PERFORMANCE.md). Each caller's
 * promise settles only when its own row is committed. When a multi-row INSERT fails, its rows are retried one by one,
 * so one row the database refuses never fails the deliveries that came with it.
 */
export class InsertBatcher<T> {
  private readonly waiting: Waiting<T>[] = [];
  private waitingBytes = 0;
  private inFlight = 0;
  private lastArrival = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly limits: InsertBatcherLimits,
  ) {}

  add(row: T, bytes: number): Promise<void> {
    const at = performance.now();
    const busy = at - this.lastArrival < this.limits.coalesceMs;
    this.lastArrival = at;
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, bytes, at, busy, resolve, reject });
      this.waitingBytes += bytes;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight && this.waiting.length) {
      const wait = this.coalescing();
      if (wait > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.pump();
        }, wait);
        return;
      }
      const batch = this.take();
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** How much longer the oldest waiting row waits for company (0: write now). */
  private coalescing(): number {
    const oldest = this.waiting[0];
    if (!oldest.busy || this.waiting.length >= this.limits.maxRows || this.waitingBytes >= this.limits.maxBytes) return 0;
    return Math.ceil(Math.max(0, oldest.at + this.limits.coalesceMs - performance.now()));
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
    this.waitingBytes -= bytes;
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
