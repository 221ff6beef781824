import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { CapiEventStatus, OutcomeDto } from '@ticklegram/domain-models';
import { applyOutcomeUpdate, capiKeys, upsertOutcome } from './api';

const CONVERSATION = 'conv-1';

function outcome(status: CapiEventStatus): OutcomeDto {
  return {
    id: 'outcome-1',
    conversationId: CONVERSATION,
    channelId: 'channel-1',
    type: 'Purchase',
    label: 'Purchase',
    value: 49.9,
    currency: 'EUR',
    hasEmail: true,
    hasPhone: false,
    adId: null,
    recordedBy: null,
    recordedAt: '2026-12-04T10:00:00.000Z',
    event: { id: 'event-1', status, message: null },
  };
}

/** The server's stored state, and reads that answer with the state they saw when they started, after a delay. */
function fakeServer() {
  let stored: OutcomeDto[] = [];
  const read = (delayMs: number) => {
    const seen = stored;
    return new Promise<OutcomeDto[]>((resolve) => setTimeout(() => resolve(seen), delayMs));
  };
  return { store: (list: OutcomeDto[]) => (stored = list), read };
}

describe('the outcomes cache under a racing refetch', () => {
  it("keeps Meta's acceptance when a refetch that started before it answers after it", async () => {
    const server = fakeServer();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // the first read is slow (it started while the outcome was still being sent), later reads are quick
    let reads = 0;
    const observer = new QueryObserver(client, { queryKey: capiKeys.outcomes(CONVERSATION), queryFn: () => server.read(reads++ === 1 ? 60 : 5) });
    const unsubscribe = observer.subscribe(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));

    // the POST answered "sending": shown, and read again (the slow read starts here)
    server.store([outcome('sending')]);
    upsertOutcome(client, outcome('sending'));
    void client.invalidateQueries({ queryKey: capiKeys.outcomes(CONVERSATION) });
    await new Promise((resolve) => setTimeout(resolve, 10));

    // Meta accepted it and the socket says so while that read is still in flight
    server.store([outcome('accepted')]);
    applyOutcomeUpdate(client, outcome('accepted'));
    await new Promise((resolve) => setTimeout(resolve, 120));

    expect(client.getQueryData<OutcomeDto[]>(capiKeys.outcomes(CONVERSATION))?.map((o) => o.event.status)).toEqual(['accepted']);
    unsubscribe();
    client.clear();
  });
});
