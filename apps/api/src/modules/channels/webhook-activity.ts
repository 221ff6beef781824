const MINUTE = 60_000;

export interface WebhookMinuteCount {
  channelId: string;
  /** Epoch minutes. */
  minute: number;
  count: number;
}

export function epochMinute(at: Date | number): number {
  return Math.floor((typeof at === 'number' ? at : at.getTime()) / MINUTE);
}

/**
 * Webhook counts received by this replica and not yet written to `channel_webhook_minutes`: the hot
 * path only increments a map; a flush every few seconds adds the counts to the shared table.
 */
export class WebhookActivity {
  private pending = new Map<string, WebhookMinuteCount>();

  record(channelId: string, at: Date): void {
    const minute = epochMinute(at);
    const key = `${channelId}:${minute}`;
    const row = this.pending.get(key);
    if (row) row.count += 1;
    else this.pending.set(key, { channelId, minute, count: 1 });
  }

  /** Not yet flushed counts of one channel within the hour before `now`. */
  pendingLastHour(channelId: string, now = Date.now()): number {
    const oldest = epochMinute(now) - 59;
    let total = 0;
    for (const row of this.pending.values()) if (row.channelId === channelId && row.minute >= oldest) total += row.count;
    return total;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Hands over everything pending (and forgets it); put it back with {@link restore} if writing fails. */
  drain(): WebhookMinuteCount[] {
    const rows = [...this.pending.values()];
    this.pending = new Map();
    return rows;
  }

  restore(rows: WebhookMinuteCount[]): void {
    for (const row of rows) {
      const key = `${row.channelId}:${row.minute}`;
      const existing = this.pending.get(key);
      if (existing) existing.count += row.count;
      else this.pending.set(key, { ...row });
    }
  }
}
