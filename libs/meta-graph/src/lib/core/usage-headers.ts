/** Parsed rate-limit usage headers (reference §6.1). Percentages are 0–100 of the rolling allowance. */
export interface AppUsage {
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
}

export interface BusinessUseCaseUsageEntry {
  type?: string;
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
  /** Minutes until calls are allowed again. */
  estimated_time_to_regain_access?: number;
  ads_api_access_tier?: string;
}

export interface GraphUsage {
  app?: AppUsage;
  /** Keyed by business object id (Page id, IG account id, ad account id...). */
  businessUseCase?: Record<string, BusinessUseCaseUsageEntry[]>;
}

type HeaderValue = string | string[] | number | boolean | null | undefined;

function headerString(headers: Record<string, HeaderValue>, name: string): string | undefined {
  const direct = headers[name] ?? headers[name.toLowerCase()];
  const value = Array.isArray(direct) ? direct[0] : direct;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseJsonObject(raw: string | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function parseUsageHeaders(headers: Record<string, HeaderValue>): GraphUsage {
  const usage: GraphUsage = {};
  const app = parseJsonObject(headerString(headers, 'x-app-usage'));
  if (app) {
    usage.app = {
      call_count: asNumber(app['call_count']),
      total_cputime: asNumber(app['total_cputime']),
      total_time: asNumber(app['total_time']),
    };
  }
  const buc = parseJsonObject(headerString(headers, 'x-business-use-case-usage'));
  if (buc) {
    const result: Record<string, BusinessUseCaseUsageEntry[]> = {};
    for (const [id, entries] of Object.entries(buc)) {
      if (!Array.isArray(entries)) continue;
      result[id] = entries
        .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
        .map((e) => ({
          type: typeof e['type'] === 'string' ? e['type'] : undefined,
          call_count: asNumber(e['call_count']),
          total_cputime: asNumber(e['total_cputime']),
          total_time: asNumber(e['total_time']),
          estimated_time_to_regain_access: asNumber(e['estimated_time_to_regain_access']),
          ads_api_access_tier: typeof e['ads_api_access_tier'] === 'string' ? e['ads_api_access_tier'] : undefined,
        }));
    }
    usage.businessUseCase = result;
  }
  return usage;
}

/** Highest of call_count / total_cputime / total_time. */
export function peakPercent(entry: AppUsage | BusinessUseCaseUsageEntry | undefined): number {
  if (!entry) return 0;
  return Math.max(entry.call_count ?? 0, entry.total_cputime ?? 0, entry.total_time ?? 0);
}

/** Longest `estimated_time_to_regain_access` (converted to ms) across all BUC entries, if any is > 0. */
export function regainAccessMs(usage: GraphUsage, objectId?: string): number | undefined {
  const buc = usage.businessUseCase;
  if (!buc) return undefined;
  const ids = objectId && buc[objectId] ? [objectId] : Object.keys(buc);
  let max = 0;
  for (const id of ids) {
    for (const entry of buc[id] ?? []) {
      max = Math.max(max, entry.estimated_time_to_regain_access ?? 0);
    }
  }
  return max > 0 ? max * 60_000 : undefined;
}
