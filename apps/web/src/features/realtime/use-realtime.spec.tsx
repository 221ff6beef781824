/**
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import { ChannelStatus } from '@ticklegram/domain-models';
import { jsonResponse } from '../auth/auth-test-harness';
import { channelDto } from '../channels/test-factories';
import { allowUpdatesOutsideAct, renderWithRealtime, serveRefresh, startRealtimeTestServer, type RealtimeTestServer } from './realtime-test-harness';
import { useRealtimeConnect, useRealtimeEvent, useRealtimeStatus } from './use-realtime';

jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace: jest.fn(), push: jest.fn(), refresh: jest.fn() }),
}));

const channel = (name: string) => ({ channel: channelDto({ name, status: ChannelStatus.NEEDS_REAUTH }) });

function ChannelListener({ seen }: { seen: string[] }) {
  useRealtimeEvent('channel.updated', ({ channel }) => seen.push(channel.name));
  return null;
}

function ConnectCounter({ onConnect }: { onConnect: () => void }) {
  useRealtimeConnect(onConnect);
  return <p data-testid="status">{useRealtimeStatus()}</p>;
}

describe('RealtimeProvider + useRealtimeEvent / useRealtimeConnect (real Socket.IO server)', () => {
  allowUpdatesOutsideAct();

  let server: RealtimeTestServer;
  beforeEach(async () => {
    server = await startRealtimeTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('hands each subscriber the typed payloads of its event, and nothing after it unmounts', async () => {
    serveRefresh(server);
    server.state.validToken = 'tok-1';
    const seen: string[] = [];
    const stays: string[] = [];
    const status = <ConnectCounter onConnect={() => undefined} />;
    const view = renderWithRealtime(
      server.url,
      <>
        {status}
        <ChannelListener seen={stays} />
        <ChannelListener seen={seen} />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('connected'));

    server.io.emit('channel.updated', channel('@example.studio'));
    server.io.emit('note.created', { note: { id: 'n1' } } as never);
    await waitFor(() => expect(seen).toEqual(['@example.studio']));

    view.rerender(
      <>
        {status}
        <ChannelListener seen={stays} />
      </>,
    );
    server.io.emit('channel.updated', channel('after unmount'));
    // Events arrive in order on one socket: once the listener that stayed has it, the other would have too.
    await waitFor(() => expect(stays).toEqual(['@example.studio', 'after unmount']));
    expect(seen).toEqual(['@example.studio']);
    view.unmount();
  });

  it('runs the connect handler on the first connect and again after the connection drops and comes back', async () => {
    serveRefresh(server);
    server.state.validToken = 'tok-1';
    const onConnect = jest.fn();
    const view = renderWithRealtime(server.url, <ConnectCounter onConnect={onConnect} />);
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));

    // The network drops (not a server-side kick): the client reconnects by itself.
    for (const socket of await server.sockets()) socket.conn.close();
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(screen.getByTestId('status').textContent).toBe('connected');
    view.unmount();
  });

  it('refreshes a token the handshake refuses and connects with the new one', async () => {
    // The first session's token is already expired for the socket server.
    serveRefresh(server, 'expired');
    server.state.validToken = 'tok-2';
    const view = renderWithRealtime(server.url, <ConnectCounter onConnect={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('connected'), { timeout: 10_000 });
    expect(server.state.handshakes).toEqual(['expired', 'tok-2']);
    view.unmount();
  });

  it('asks the web server where the api is when no url is given', async () => {
    serveRefresh(server, undefined, (url) => (url.endsWith('/realtime-config') ? jsonResponse(200, { apiPublicUrl: server.url }) : null));
    server.state.validToken = 'tok-1';
    const view = renderWithRealtime(undefined, <ConnectCounter onConnect={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('connected'));
    expect(server.state.handshakes).toEqual(['tok-1']);
    view.unmount();
  });
});
