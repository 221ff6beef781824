import { MetaGraphError } from '@ticklegram/meta-graph';
import { AppConfig } from '../../config/app-config';
import { ChannelsService } from '../channels/channels.service';
import { MessageEntity } from '../inbox/entities/message.entity';
import { InboxGateway } from '../inbox/inbox.gateway';
import { OutboundMessageRepository } from '../inbox/repositories/outbound-message.repository';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { JobLeases } from '../jobs/job-leases.service';
import { MetaGraph } from '../meta/meta.module';
import { OutboundRecoveryService } from './outbound-recovery.service';
import { OutboundReconciliationService } from './outbound-reconciliation.service';

const GRACE_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An unknown send stored `ageMs` ago (real clock). */
const unknownSend = (id: string, ageMs: number) =>
  ({
    id,
    conversationId: `c-${id}`,
    channelId: 'ch',
    text: 'hi',
    sentAt: new Date(Date.now() - ageMs),
    updatedAt: new Date(Date.now() - ageMs),
  }) as MessageEntity;

/** The reconciler over fakes: Meta's thread is empty (nothing found), so a send past its grace is judged not delivered. */
const timers: NodeJS.Timeout[] = [];
afterEach(() => {
  for (const timer of timers.splice(0)) clearInterval(timer);
});

function reconcilerWith(options: { unknown: MessageEntity[]; listConversations?: () => Promise<unknown> }) {
  const passes = { started: 0, inFlight: 0, maxInFlight: 0 };
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const messages = {
    findUnknown: jest.fn(async () => {
      passes.started += 1;
      passes.inFlight += 1;
      passes.maxInFlight = Math.max(passes.maxInFlight, passes.inFlight);
      if (gate) await gate;
      passes.inFlight -= 1;
      return options.unknown;
    }),
    markNotDelivered: jest.fn(async () => true),
    findInConversation: jest.fn(async () => null),
  };
  const graph = {
    conversations: { listConversations: jest.fn(options.listConversations ?? (async () => ({ data: [] }))), listMessages: jest.fn() },
  };
  const service = new OutboundReconciliationService(
    messages as unknown as OutboundMessageRepository,
    { findById: async (id: string) => ({ id, channelId: 'ch', customerExternalId: 'cust' }) } as unknown as ScopedConversationRepository,
    {
      allIds: async () => ['ch'],
      getById: async () => ({ id: 'ch' }),
      sendTarget: async () => ({ auth: { accessToken: 't', host: 'facebook', accountKey: 'page' }, senderId: 'page', platform: 'messenger' }),
    } as unknown as ChannelsService,
    graph as unknown as MetaGraph,
    { message: jest.fn() } as unknown as InboxGateway,
    { recover: async () => 0 } as unknown as OutboundRecoveryService,
    { outbound: { reconcileIntervalMs: 20, reconcileGraceMs: GRACE_MS } } as AppConfig,
    // this process holds the lease: a plain interval (the lease itself: job-leases.int-spec.ts)
    {
      every: (_job: string, ms: number, work: () => Promise<unknown>) => {
        const timer = setInterval(() => void work(), ms);
        timer.unref();
        timers.push(timer);
      },
    } as unknown as JobLeases,
  );
  return {
    service,
    messages,
    graph,
    passes,
    /** Holds every pass inside its read of the unknown sends until `open()`. */
    hold: () => (gate = new Promise<void>((r) => (release = r))),
    open: () => {
      gate = null;
      release();
    },
  };
}

describe('OutboundReconciliationService', () => {
  it('drops timer ticks while a pass runs: never two passes at once, no backlog of queued passes', async () => {
    const r = reconcilerWith({ unknown: [] });
    r.hold();
    r.service.onApplicationBootstrap();
    await sleep(300); // ~15 ticks of 20 ms while the first pass is held
    expect(r.passes.started).toBe(1);
    r.open();
    await sleep(10);
    const afterRelease = r.passes.started;
    await r.service.onApplicationShutdown();
    expect(r.passes.maxInFlight).toBe(1);
    // the held ticks were dropped, not queued: at most a tick or two ran after the release
    expect(afterRelease).toBeLessThanOrEqual(2);
  });

  it('reads the clock when the pass starts, not when it was asked for', async () => {
    const r = reconcilerWith({ unknown: [unknownSend('m1', 0)] });
    r.hold();
    const first = r.service.sweep();
    let clockReadAt = 0;
    // asked for now, but it can only start after the running pass: by then the send is past its grace
    const second = r.service.sweep(() => {
      clockReadAt = Date.now();
      return Date.now();
    });
    await sleep(GRACE_MS + 100);
    const releasedAt = Date.now();
    r.open();
    expect(await first).toMatchObject({ unknown: 1, not_delivered: 0 });
    expect(await second).toMatchObject({ not_delivered: 1 });
    expect(clockReadAt).toBeGreaterThanOrEqual(releasedAt);
  });

  it('defers a send on a paused account at once (never judged, never waited out)', async () => {
    const paused = new MetaGraphError({ kind: 'rate_limited', message: 'paused', userMessage: 'later', retryAfterMs: 60_000 });
    const r = reconcilerWith({ unknown: [unknownSend('m1', GRACE_MS * 5)], listConversations: async () => Promise.reject(paused) });
    const started = Date.now();
    expect(await r.service.sweep()).toEqual({ sent: 0, not_delivered: 0, unknown: 0, deferred: 1 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(r.messages.markNotDelivered).not.toHaveBeenCalled();
    expect(r.graph.conversations.listConversations).toHaveBeenCalledWith(expect.anything(), 'page', expect.objectContaining({ deferWhenPaused: true }));
  });
});
