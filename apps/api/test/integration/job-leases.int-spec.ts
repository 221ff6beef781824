import { SchedulerRegistry } from '@nestjs/schedule';
import { DEFAULT_JOB_LEASE_TIMING, JobLeases, JobLeaseTiming } from '../../src/modules/jobs/job-leases.service';
import { JobLeaseRepository } from '../../src/modules/jobs/repositories/job-lease.repository';
import { TemplateSyncService } from '../../src/modules/templates/template-sync.service';
import { startTestApp, TestApp } from '../utils/test-app';
import { createTestDatabase } from '../utils/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Background jobs run in one api process of a deployment at a time (`modules/jobs`). Each `JobLeases` below stands for
 * another api process on the same database: same table, its own holder id.
 */
describe('job leases (integration)', () => {
  let t: TestApp;
  let repo: JobLeaseRepository;
  const started: JobLeases[] = [];
  /** Another api process on the same database. */
  const anotherProcess = (timing?: JobLeaseTiming) => {
    const leases = new JobLeases(repo, new SchedulerRegistry(), timing);
    started.push(leases);
    return leases;
  };
  const processes = () => [anotherProcess(), anotherProcess()];
  const { leaseMs } = DEFAULT_JOB_LEASE_TIMING;

  beforeAll(async () => {
    t = await startTestApp({ TEMPLATES_POLL_INTERVAL_SECONDS: '1' });
    repo = t.app.get(JobLeaseRepository);
  });

  afterAll(async () => {
    for (const leases of started) await leases.beforeApplicationShutdown();
    await t.close();
  });

  it('gives a job to one process until its lease runs out unrenewed, then to another', async () => {
    const [a, b] = processes();
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    expect(await a.holds('one-holder', at(0))).toBe(true);
    expect(await b.holds('one-holder', at(1_000))).toBe(false);
    // the holder renews (its heartbeat): the other still waits a whole lease from then
    await a.renew(at(leaseMs / 2));
    expect(await b.holds('one-holder', at(leaseMs + 1_000))).toBe(false);
    // the holder stopped renewing (it died): the lease runs out and the other takes the job over
    expect(await b.holds('one-holder', at(leaseMs / 2 + leaseMs + 1))).toBe(true);
    expect(await a.holds('one-holder', at(leaseMs / 2 + leaseMs + 2))).toBe(false);
    // the old holder's heartbeat does not take it back
    await a.renew(at(leaseMs / 2 + leaseMs + 3));
    expect((await repo.find('one-holder'))?.holder).toBe(b.holder);
  });

  it('keeps a job while the holder’s heartbeat runs, and hands it over within a lease once the holder dies', async () => {
    // a renewal may land up to a second late on a loaded CI machine before the lease runs out
    const timing = { leaseMs: 1_500, renewEveryMs: 250 };
    const [a, b] = [anotherProcess(timing), anotherProcess(timing)];
    expect(await a.holds('heartbeat')).toBe(true);
    await sleep(2 * timing.leaseMs); // no run of the job since: only the heartbeat renews
    expect(await b.holds('heartbeat')).toBe(false);
    // a dies: its heartbeat's renewals stop landing
    const renewAll = repo.renewAll.bind(repo);
    const dead = jest.spyOn(repo, 'renewAll').mockImplementation(async (holder, until) => (holder === a.holder ? undefined : renewAll(holder, until)));
    try {
      const diedAt = Date.now();
      while (!(await b.holds('heartbeat'))) {
        expect(Date.now() - diedAt).toBeLessThan(timing.leaseMs + 2 * timing.renewEveryMs + 1_000);
        await sleep(50);
      }
    } finally {
      dead.mockRestore();
    }
  });

  it('gives a never-leased job to exactly one of several processes asking at once', async () => {
    const [a, b] = processes();
    const now = new Date();
    const asks = Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b));
    const held = await Promise.all(asks.map((p) => p.holds('race', now).then((yes) => (yes ? p.holder : null))));
    const winners = new Set(held.filter((h) => h !== null));
    expect(winners.size).toBe(1);
    const row = await repo.find('race');
    expect(winners.has(row?.holder ?? '')).toBe(true);
  });

  it('hands a stopping process’s jobs over at once, and runs work only where the lease is held', async () => {
    const [a, b] = processes();
    const ran: string[] = [];
    await a.runIfHeld('handover', async () => void ran.push('a'));
    await b.runIfHeld('handover', async () => void ran.push('b'));
    expect(ran).toEqual(['a']);
    await a.beforeApplicationShutdown();
    await b.runIfHeld('handover', async () => void ran.push('b'));
    await a.runIfHeld('handover', async () => void ran.push('a'));
    expect(ran).toEqual(['a', 'b']);
  });

  it('releases a stopping api’s leases before its database closes: the next process takes its jobs at once', async () => {
    const db = await createTestDatabase();
    const first = await startTestApp({}, { db, keepDatabase: true });
    expect(await first.app.get(JobLeases).holds('released-at-stop')).toBe(true);
    await first.close();
    const second = await startTestApp({}, { db });
    const next = new JobLeases(second.app.get(JobLeaseRepository), new SchedulerRegistry());
    try {
      expect(await next.holds('released-at-stop')).toBe(true);
    } finally {
      await next.beforeApplicationShutdown();
      await second.close();
    }
  });

  it('skips the api’s own timer runs of a job another process holds, and takes them up when it lets go', async () => {
    const sync = t.app.get(TemplateSyncService);
    const tick = jest.spyOn(sync, 'tick').mockResolvedValue(undefined);
    const other = anotherProcess();
    // the api has held templates.sync since its first run (every second here): the other process takes it as if the
    // api's lease had run out
    await t.app.get(JobLeases).holds('templates.sync');
    expect(await other.holds('templates.sync', new Date(Date.now() + 2 * leaseMs))).toBe(true);
    await sleep(1_200); // a run that read the lease before the takeover may still end in tick()
    tick.mockClear();
    await sleep(2_500);
    expect(tick).not.toHaveBeenCalled();
    await other.beforeApplicationShutdown();
    for (let i = 0; i < 40 && tick.mock.calls.length === 0; i += 1) await sleep(100);
    expect(tick).toHaveBeenCalled();
    tick.mockRestore();
  });
});
