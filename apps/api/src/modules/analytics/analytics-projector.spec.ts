import { ConversationFactsRepository } from '../inbox/repositories/conversation-facts.repository';
import { InboxActivity } from '../inbox/inbox-activity';
import { JobLeases } from '../jobs/job-leases.service';
import { ConversationLabelsService } from '../labels/conversation-labels.service';
import { TemplateSendingService } from '../templates/template-sending.service';
import { AnalyticsProjector } from './analytics-projector.service';
import { AnalyticsRollupRepository } from './repositories/analytics-rollup.repository';

/** The live queue's pacing: a pass waits 250 ms for company, and twice as long as the previous pass took. */
describe('AnalyticsProjector pacing', () => {
  const PASS_MS = 1000;
  let passes: string[][];
  let projector: AnalyticsProjector;

  beforeEach(() => {
    jest.useFakeTimers();
    passes = [];
    const rollups = {
      getSettings: async () => ({ rebuiltAt: new Date(), businessHours: null }),
      statusLogs: async () => new Map(),
      // each pass takes PASS_MS of (fake) time
      project: async (ids: string[]) => {
        passes.push(ids);
        await new Promise((resolve) => setTimeout(resolve, PASS_MS));
      },
    } as unknown as AnalyticsRollupRepository;
    const facts = { findMany: async () => [], messageFacts: async () => [] } as unknown as ConversationFactsRepository;
    const labels = { forConversations: async () => new Map() } as unknown as ConversationLabelsService;
    const templates = { sentWithTemplate: async () => new Set() } as unknown as TemplateSendingService;
    projector = new AnalyticsProjector(new InboxActivity(), facts, labels, templates, rollups, { every: () => undefined } as unknown as JobLeases);
  });
  afterEach(() => jest.useRealTimers());

  it('groups what is touched within 250 ms into one pass, then waits twice the last pass before the next', async () => {
    projector.touched({ conversationId: 'a' });
    projector.touched({ conversationId: 'b' });
    await jest.advanceTimersByTimeAsync(249);
    expect(passes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toEqual([['a', 'b']]);
    // touched while the first pass runs, and after it
    projector.touched({ conversationId: 'c' });
    await jest.advanceTimersByTimeAsync(PASS_MS);
    projector.touched({ conversationId: 'd' });
    await jest.advanceTimersByTimeAsync(2 * PASS_MS - 1);
    expect(passes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('retries a pass that failed 5 s later, and gives it up when the process stops', async () => {
    const attempts: string[][] = [];
    let refuse = true;
    const rollups = {
      getSettings: async () => ({ rebuiltAt: new Date(), businessHours: null }),
      statusLogs: async () => new Map(),
      project: async (ids: string[]) => {
        attempts.push(ids);
        if (refuse) throw new Error('database away');
      },
    } as unknown as AnalyticsRollupRepository;
    const failing = new AnalyticsProjector(
      new InboxActivity(),
      { findMany: async () => [], messageFacts: async () => [] } as unknown as ConversationFactsRepository,
      { forConversations: async () => new Map() } as unknown as ConversationLabelsService,
      { sentWithTemplate: async () => new Set() } as unknown as TemplateSendingService,
      rollups,
      { every: () => undefined } as unknown as JobLeases,
    );
    failing.touched({ conversationId: 'a', part: { kind: 'conversation' } });
    await jest.advanceTimersByTimeAsync(250);
    expect(attempts).toEqual([['a']]);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(attempts).toHaveLength(1);
    refuse = false;
    await jest.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([['a'], ['a']]);

    refuse = true;
    failing.touched({ conversationId: 'b', part: { kind: 'conversation' } });
    await failing.onApplicationShutdown(); // resolves: no retry once stopping
    expect(attempts).toEqual([['a'], ['a'], ['b']]);
  });
});
