import type { InsightSyncStatusDto } from '@ticklegram/domain-models';
import { mergeStatuses } from './status-cache';

const status = (channelId: string, state: InsightSyncStatusDto['state']): InsightSyncStatusDto => ({
  channelId,
  name: channelId,
  username: null,
  pictureUrl: null,
  state,
  progress: null,
  startedAt: null,
  lastSyncedAt: null,
  lastError: null,
  daysStored: 0,
});

describe('mergeStatuses', () => {
  it('swaps in updated accounts and keeps the order', () => {
    const merged = mergeStatuses([status('a', 'idle'), status('b', 'idle')], [status('b', 'running')]);
    expect(merged?.map((s) => [s.channelId, s.state])).toEqual([
      ['a', 'idle'],
      ['b', 'running'],
    ]);
  });

  it('appends an account it did not know (connected meanwhile)', () => {
    expect(mergeStatuses([status('a', 'idle')], [status('c', 'running')])?.map((s) => s.channelId)).toEqual(['a', 'c']);
  });

  it('leaves an empty cache empty (the next fetch fills it)', () => {
    expect(mergeStatuses(undefined, [status('a', 'idle')])).toBeUndefined();
  });
});
