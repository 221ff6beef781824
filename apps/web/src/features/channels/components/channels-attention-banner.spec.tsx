/**
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import { ChannelStatus, type ChannelDto } from '@ticklegram/domain-models';
import {
  allowUpdatesOutsideAct,
  renderWithRealtime,
  serveRefresh,
  startRealtimeTestServer,
  type RealtimeTestServer,
} from '../../realtime/realtime-test-harness';
import { useChannelLiveUpdates } from '../hooks/use-channel-live-updates';
import { channelDto } from '../test-factories';
import { ChannelsAttentionBanner } from './channels-attention-banner';

jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace: jest.fn(), push: jest.fn(), refresh: jest.fn() }),
  usePathname: () => '/settings',
}));

function BannerWithLiveUpdates() {
  useChannelLiveUpdates();
  return <ChannelsAttentionBanner />;
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('ChannelsAttentionBanner', () => {
  allowUpdatesOutsideAct();
  let server: RealtimeTestServer;
  /** What `GET /api/channels` answers, and how often it was asked. */
  let stored: ChannelDto[];
  let listCalls: number;

  beforeEach(async () => {
    server = await startRealtimeTestServer();
    server.state.validToken = 'tok-1';
    stored = [channelDto()];
    listCalls = 0;
    serveRefresh(server, undefined, (url) => {
      if (!url.endsWith('/api/channels')) return null;
      listCalls += 1;
      return json(stored);
    });
  });
  afterEach(() => server.close());

  it('appears and goes away with channel.updated, without asking the api again', async () => {
    const view = renderWithRealtime(server.url, <BannerWithLiveUpdates />);
    await waitFor(() => expect(server.state.handshakes).toEqual(['tok-1']));
    await waitFor(() => expect(listCalls).toBeGreaterThan(0));
    const callsBefore = listCalls;
    expect(screen.queryByTestId('channels-attention-banner')).toBeNull();

    server.io.emit('channel.updated', { channel: channelDto({ status: ChannelStatus.NEEDS_REAUTH, statusReason: 'Reconnect the channel.' }) });
    expect(await screen.findByTestId('channels-attention-banner')).toHaveProperty('textContent', expect.stringContaining('Example Studio needs attention.'));
    expect(screen.getByTestId('channels-attention-fix').getAttribute('href')).toBe('/accounts');

    server.io.emit('channel.updated', { channel: channelDto() });
    await waitFor(() => expect(screen.queryByTestId('channels-attention-banner')).toBeNull());
    expect(listCalls).toBe(callsBefore);
    view.unmount();
  });

  it('catches up after a reconnect on what changed while it was offline', async () => {
    const view = renderWithRealtime(server.url, <BannerWithLiveUpdates />);
    await waitFor(() => expect(server.state.handshakes).toEqual(['tok-1']));
    await waitFor(() => expect(listCalls).toBeGreaterThan(0));

    // The connection drops; meanwhile the channel's token is rejected and the event is lost.
    stored = [channelDto({ status: ChannelStatus.NEEDS_REAUTH })];
    for (const socket of await server.sockets()) socket.conn.close();

    expect(await screen.findByTestId('channels-attention-banner', {}, { timeout: 10_000 })).toHaveProperty(
      'textContent',
      expect.stringContaining('Example Studio needs attention.'),
    );
    view.unmount();
  });
});
