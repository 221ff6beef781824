const MINUTE = 60_000;

/**
 * Per-channel webhook counts in one-minute buckets for the last hour, kept in memory (cheap on the hot
 * path). Each api replica counts what it received; the health view shows this replica's count.
 */
export class WebhookActivity {
  private readonly buckets = new Map<string, Map<number, number>>();

  record(channelId: string, at: Date): void {
    const minute = Math.floor(at.getTime() / MINUTE);
    let perChannel = this.buckets.get(channelId);
    if (!perChannel) {
      perChannel = new Map();
      this.buckets.set(channelId, perChannel);
    }
    perChannel.set(minute, (perChannel.get(minute) ?? 0) + 1);
    if (perChannel.size > 90) this.prune(perChannel, Date.now());
  }

  lastHour(channelId: string, now = Date.now()): number {
    const perChannel = this.buckets.get(channelId);
    if (!perChannel) return 0;
    this.prune(perChannel, now);
    let total = 0;
    for (const count of perChannel.values()) total += count;
    return total;
  }

  private prune(perChannel: Map<number, number>, now: number): void {
    const oldest = Math.floor(now / MINUTE) - 59;
    for (const minute of perChannel.keys()) if (minute < oldest) perChannel.delete(minute);
  }
}
