import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { ApiError } from '../lib/api/api-error';
import { EmptyState, LoadingState, QueryStates } from './data-states';

/** A query whose answers the test hands out one call at a time. */
function controlledQuery() {
  const answers: ((result: { data?: string[]; error?: unknown }) => void)[] = [];
  const queryFn = () =>
    new Promise<string[]>((resolve, reject) => {
      answers.push(({ data, error }) => (error ? reject(error) : resolve(data ?? [])));
    });
  /** Answers the pending call, once the query has made it. */
  async function answer(result: { data?: string[]; error?: unknown }) {
    await waitFor(() => expect(answers.length).toBeGreaterThan(0));
    answers.shift()?.(result);
  }
  return { queryFn, answer };
}

function Fruits({ queryFn }: { queryFn: () => Promise<string[]> }) {
  const query = useQuery({ queryKey: ['fruits'], queryFn });
  return (
    <QueryStates
      query={query}
      loading={<LoadingState label="Loading fruit" />}
      errorTitle="Couldn't load fruit"
      isEmpty={(data) => data.length === 0}
      empty={
        <EmptyState icon={Inbox} title="No fruit yet">
          Add some above.
        </EmptyState>
      }
    >
      {(data) => (
        <ul aria-label="Fruit">
          {data.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </QueryStates>
  );
}

function renderFruits(queryFn: () => Promise<string[]>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Fruits queryFn={queryFn} />
    </QueryClientProvider>,
  );
}

const apiError = (statusCode: number, code: string, message: string) => new ApiError({ statusCode, code, message });

describe('QueryStates', () => {
  it('shows the loading state, then the data', async () => {
    const q = controlledQuery();
    renderFruits(q.queryFn);
    expect(screen.getByLabelText('Loading fruit').getAttribute('aria-busy')).toBe('true');
    await q.answer({ data: ['apple', 'pear'] });
    expect((await screen.findByRole('list', { name: 'Fruit' })).textContent).toBe('applepear');
  });

  it('explains an error in plain words and tries again on request', async () => {
    const q = controlledQuery();
    renderFruits(q.queryFn);
    await q.answer({ error: apiError(500, 'INTERNAL', 'boom') });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Couldn't load fruit");
    expect(alert.textContent).toContain('The server had a problem. Please try again.');
    expect(alert.textContent).not.toContain('boom');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await q.answer({ data: ['plum'] });
    expect((await screen.findByRole('list', { name: 'Fruit' })).textContent).toBe('plum');
  });

  it('shows the 403 page when the api refuses the user', async () => {
    const q = controlledQuery();
    renderFruits(q.queryFn);
    await q.answer({ error: apiError(403, 'AUTH_FORBIDDEN', 'Forbidden') });
    expect(await screen.findByRole('heading', { name: "You don't have access to this page" })).toBeTruthy();
  });

  it('shows the empty state when there is nothing yet', async () => {
    const q = controlledQuery();
    renderFruits(q.queryFn);
    await q.answer({ data: [] });
    expect(await screen.findByRole('heading', { name: 'No fruit yet' })).toBeTruthy();
    expect(screen.getByText('Add some above.')).toBeTruthy();
  });
});
