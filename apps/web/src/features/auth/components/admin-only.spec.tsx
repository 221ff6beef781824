import { screen, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { Role } from '@ticklegram/domain-models';
import { jsonResponse, renderSignedIn, serveApi } from '../auth-test-harness';
import { useApiClient } from '../auth-provider';
import { AdminOnly } from './admin-only';

jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace: jest.fn(), push: jest.fn(), refresh: jest.fn() }),
}));

/** An admin-only part that loads something as soon as it mounts. */
function SecretList() {
  const client = useApiClient();
  const list = useQuery({ queryKey: ['secret'], queryFn: () => client.request<string[]>('/api/secret') });
  return <p>{list.data ? `secrets: ${list.data.join(', ')}` : 'loading secrets'}</p>;
}

describe('AdminOnly', () => {
  it('shows admins what is inside', async () => {
    serveApi(({ url }) => (url.endsWith('/api/secret') ? jsonResponse(200, ['a', 'b']) : null), { role: Role.ADMIN });
    renderSignedIn(
      <AdminOnly>
        <SecretList />
      </AdminOnly>,
    );
    expect(await screen.findByText('secrets: a, b')).toBeTruthy();
  });

  it('shows agents the 403 page and never mounts (or loads) the admin part', async () => {
    const sent = serveApi(({ url }) => (url.endsWith('/api/secret') ? jsonResponse(200, ['a']) : null), { role: Role.AGENT });
    renderSignedIn(
      <AdminOnly>
        <SecretList />
      </AdminOnly>,
    );
    expect(await screen.findByRole('heading', { name: "You don't have access to this page" })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to inbox' }).getAttribute('href')).toBe('/inbox');
    expect(screen.queryByText(/secrets/)).toBeNull();
    await waitFor(() => expect(sent).toEqual([]));
  });

  it('shows agents a fallback of the caller’s choice instead', async () => {
    serveApi(() => null, { role: Role.AGENT });
    renderSignedIn(
      <AdminOnly fallback={<p>Ask an admin</p>}>
        <SecretList />
      </AdminOnly>,
    );
    expect(await screen.findByText('Ask an admin')).toBeTruthy();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });
});
