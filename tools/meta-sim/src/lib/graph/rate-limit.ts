import type { SimToken } from '../state/model';

export interface UsageOverride {
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
  estimated_time_to_regain_access?: number;
}

const WINDOW_MS = 3_600_000;

/** Produces X-App-Usage / X-Business-Use-Case-Usage headers from a rolling one-hour call count. */
export class UsageTracker {
  private calls = new Map<string, number[]>();
  override: UsageOverride | undefined;
  /** Calls per hour that count as 100 %. */
  budget = 2000;

  reset(): void {
    this.calls.clear();
    this.override = undefined;
  }

  private count(key: string, now: number): number {
    const list = (this.calls.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    list.push(now);
    this.calls.set(key, list);
    return list.length;
  }

  headers(token: SimToken | undefined, businessId: string | undefined, bucType: string, regainMinutes = 0): Record<string, string> {
    const now = Date.now();
    const pct = (n: number): number => Math.min(100, Math.round((n / this.budget) * 100));
    if (!token || token.type === 'APP' || token.type === 'USER' || !businessId) {
      const n = this.count(`app:${token?.appId ?? 'anon'}`, now);
      const usage = {
        call_count: this.override?.call_count ?? pct(n),
        total_cputime: this.override?.total_cputime ?? Math.max(0, pct(n) - 1),
        total_time: this.override?.total_time ?? Math.max(0, pct(n) - 1),
      };
      return { 'x-app-usage': JSON.stringify(usage) };
    }
    const n = this.count(`buc:${businessId}:${bucType}`, now);
    const entry = {
      type: bucType,
      call_count: this.override?.call_count ?? pct(n),
      total_cputime: this.override?.total_cputime ?? Math.max(0, pct(n) - 1),
      total_time: this.override?.total_time ?? Math.max(0, pct(n) - 1),
      estimated_time_to_regain_access: regainMinutes || (this.override?.estimated_time_to_regain_access ?? 0),
    };
    return { 'x-business-use-case-usage': JSON.stringify({ [businessId]: [entry] }) };
  }
}
