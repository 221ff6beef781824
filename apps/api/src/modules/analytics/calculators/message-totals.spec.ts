import { MessagePlatform } from '@ticklegram/domain-models';
import { UNASSIGNED_KEY } from '../entities/analytics-message-total.entity';
import { rollUpDelta, totalsDelta } from './message-totals';

const bucket = (iso: string, assigneeId: string | null, messagesIn: number, messagesOut = 0) => ({
  bucketAt: new Date(iso),
  channelId: 'ch-1',
  platform: MessagePlatform.INSTAGRAM,
  assigneeId,
  messagesIn,
  messagesOut,
  repliesWindow: messagesOut,
  repliesHumanAgent: 0,
  repliesTemplate: 0,
  repliesOther: 0,
});

describe('totalsDelta', () => {
  it('adds new buckets, subtracts old ones and leaves out what did not change', () => {
    const before = [bucket('2026-03-28T08:00:00Z', 'a', 1, 1), bucket('2026-03-28T08:15:00Z', 'a', 1)];
    const after = [bucket('2026-03-28T08:00:00Z', 'a', 1, 1), bucket('2026-03-28T08:15:00Z', 'a', 2), bucket('2026-03-28T09:00:00Z', 'a', 0, 1)];
    expect(totalsDelta(before, after)).toEqual([
      expect.objectContaining({ bucketAt: new Date('2026-03-28T08:15:00Z'), assigneeKey: 'a', messagesIn: 1, messagesOut: 0 }),
      expect.objectContaining({ bucketAt: new Date('2026-03-28T09:00:00Z'), assigneeKey: 'a', messagesIn: 0, messagesOut: 1, repliesWindow: 1 }),
    ]);
  });

  it('moves a reassigned conversation’s counts from the old assignee to the new one (unassigned has its own key)', () => {
    const deltas = totalsDelta([bucket('2026-03-28T08:00:00Z', null, 2, 1)], [bucket('2026-03-28T08:00:00Z', 'b', 2, 1)]);
    expect(deltas.map((d) => [d.assigneeKey, d.messagesIn, d.messagesOut])).toEqual([
      [UNASSIGNED_KEY, -2, -1],
      ['b', 2, 1],
    ]);
  });

  it('a conversation that is gone subtracts everything it had', () => {
    expect(totalsDelta([bucket('2026-03-28T08:00:00Z', 'a', 3)], [])).toEqual([expect.objectContaining({ messagesIn: -3 })]);
  });
});

describe('rollUpDelta', () => {
  it('adds the 15-minute deltas of a UTC day together and drops days that net to nothing', () => {
    const deltas = totalsDelta(
      [bucket('2026-03-28T23:45:00Z', 'a', 1)],
      [bucket('2026-03-28T00:00:00Z', 'a', 2), bucket('2026-03-28T23:30:00Z', 'a', 1), bucket('2026-03-29T00:00:00Z', 'a', 1, 1)],
    );
    expect(rollUpDelta(deltas, { per: 'day', perAssignee: true }).map((d) => [d.bucketAt.toISOString(), d.messagesIn, d.messagesOut])).toEqual([
      ['2026-03-28T00:00:00.000Z', 2, 0],
      ['2026-03-29T00:00:00.000Z', 1, 1],
    ]);
    expect(
      rollUpDelta(totalsDelta([bucket('2026-03-28T08:00:00Z', 'a', 1)], [bucket('2026-03-28T09:00:00Z', 'a', 1)]), { per: 'day', perAssignee: true }),
    ).toEqual([]);
  });

  it('adds the 15-minute deltas of a UTC hour together, across assignees, for the hourly per-channel totals', () => {
    const deltas = totalsDelta(
      [bucket('2026-03-28T08:45:00Z', 'a', 1)],
      [bucket('2026-03-28T08:00:00Z', 'a', 2), bucket('2026-03-28T08:45:00Z', 'b', 1), bucket('2026-03-28T09:00:00Z', null, 1, 1)],
    );
    expect(rollUpDelta(deltas, { per: 'hour', perAssignee: false }).map((d) => [d.bucketAt.toISOString(), d.assigneeKey, d.messagesIn, d.messagesOut])).toEqual(
      [
        ['2026-03-28T08:00:00.000Z', null, 2, 0],
        ['2026-03-28T09:00:00.000Z', null, 1, 1],
      ],
    );
  });

  it('adds up the assignees of a bucket and channel (a reassignment changes nothing there)', () => {
    const moved = totalsDelta([bucket('2026-03-28T08:00:00Z', 'a', 2)], [bucket('2026-03-28T08:00:00Z', 'b', 2), bucket('2026-03-28T08:15:00Z', null, 1)]);
    expect(rollUpDelta(moved, { per: 'bucket', perAssignee: false }).map((d) => [d.bucketAt.toISOString(), d.assigneeKey, d.messagesIn])).toEqual([
      ['2026-03-28T08:15:00.000Z', null, 1],
    ]);
  });
});
