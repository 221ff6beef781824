import { ChannelDto, ChannelStatus, CommentBackfillDto } from '@ticklegram/domain-models';
import { CommentBackfillService } from '../../src/modules/comments/backfill/comment-backfill.service';
import { JobLeases } from '../../src/modules/jobs/job-leases.service';
import { JobLeaseRepository } from '../../src/modules/jobs/repositories/job-lease.repository';
import { IngestionHarness, startIngestionHarness, waitFor } from '../utils/webhooks-harness';

jest.setTimeout(60_000);

/** Channels never backfilled get their first comments backfill from the sweep of the one process holding its lease. */
describe('comments backfill on connect (integration)', () => {
  let h: IngestionHarness;

  beforeAll(async () => {
    h = await startIngestionHarness({ COMMENTS_BACKFILL_ON_CONNECT: 'true' });
  });
  afterAll(async () => h?.close());

  it('starts one connect run per active channel, from the process that holds the sweep’s lease', async () => {
    const channels = (await h.t.http.get('/api/channels').set('Authorization', `Bearer ${h.admin}`).expect(200)).body as ChannelDto[];
    const active = channels.filter((c) => c.status === ChannelStatus.ACTIVE).map((c) => c.id);
    expect(active.length).toBeGreaterThan(0);
    const runs = await waitFor(
      async () => {
        const latest = (await h.t.http.get('/api/comments/backfills').set('Authorization', `Bearer ${h.admin}`).expect(200)).body as CommentBackfillDto[];
        return active.every((id) => latest.some((run) => run.channelId === id)) ? latest : null;
      },
      25_000,
      'a backfill run for every active channel',
    );
    expect(runs.filter((run) => active.includes(run.channelId)).map((run) => run.trigger)).toEqual(active.map(() => 'connect'));
    await h.t.app.get(CommentBackfillService).idle();
    const lease = await h.t.app.get(JobLeaseRepository).find('comments.backfill-sweep');
    expect(lease?.holder).toBe(h.t.app.get(JobLeases).holder);
    const [{ n }] = (await h.t.dataSource.query('SELECT COUNT(*) AS n FROM comment_backfills')) as { n: number | string }[];
    expect(Number(n)).toBe(active.length);
  });
});
