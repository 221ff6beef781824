import type { InsightSyncStatusDto } from '@ticklegram/domain-models';

/** The cached statuses with the given ones swapped in (by account); unknown accounts are appended. */
export function mergeStatuses(
  current: readonly InsightSyncStatusDto[] | undefined,
  updates: readonly InsightSyncStatusDto[],
): InsightSyncStatusDto[] | undefined {
  if (!current) return undefined;
  const byId = new Map(updates.map((s) => [s.channelId, s]));
  const merged = current.map((s) => byId.get(s.channelId) ?? s);
  for (const update of updates) if (!current.some((s) => s.channelId === update.channelId)) merged.push(update);
  return merged;
}
