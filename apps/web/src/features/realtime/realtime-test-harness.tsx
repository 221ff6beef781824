import * as React from 'react';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@ticklegram/domain-models';
import { AuthProvider } from '../auth/auth-provider';
import { jsonResponse, sessionResponse, SignIn } from '../auth/auth-test-harness';
import { RealtimeProvider } from './realtime-provider';

/*
 * For web unit tests of realtime features: a real Socket.IO server on a loopback port and the real
 * AuthProvider + RealtimeProvider around the component under test. Test files that use it need Node
 * export conditions (the server's `ws`):
 *   @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 * and `jest.mock('next/navigation', …)` for the AuthProvider's router.
 */

/** State changes in these tests come from real network events, not from act() scopes. */
export function allowUpdatesOutsideAct(): void {
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const before = env.IS_REACT_ACT_ENVIRONMENT;
  beforeAll(() => {
    env.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterAll(() => {
    env.IS_REACT_ACT_ENVIRONMENT = before;
  });
}

export type TestServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** A real Socket.IO server that accepts only the newest token `/api/auth/refresh` handed out. */
export async function startRealtimeTestServer() {
  const http: HttpServer = createServer();
  const io: TestServer = new Server(http, { cors: { origin: true, credentials: true } });
  const state = { issued: 0, validToken: 'none', handshakes: [] as string[] };
  io.use((socket, next) => {
    const token = String(socket.handshake.auth['token'] ?? '');
    state.handshakes.push(token);
    next(token === state.validToken ? undefined : new Error('AUTH_UNAUTHENTICATED'));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets = async (): Promise<Socket[]> => (await io.fetchSockets()) as unknown as Socket[];
  return {
    url,
    io,
    state,
    sockets,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

export type RealtimeTestServer = Awaited<ReturnType<typeof startRealtimeTestServer>>;

/** The web api's refresh endpoint, answered in-process: every call hands out the next token. */
export function serveRefresh(server: RealtimeTestServer, firstToken?: string, otherRoutes: (url: string) => Response | null = () => null) {
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const other = otherRoutes(String(input));
    if (other) return other;
    server.state.issued += 1;
    const token = server.state.issued === 1 && firstToken ? firstToken : `tok-${server.state.issued}`;
    return jsonResponse(200, sessionResponse(token));
  }) as typeof fetch;
}

/**
 * Renders `children` signed in, inside the realtime provider (`url` given, or `undefined` to let it
 * ask `/realtime-config`); `rerender` keeps the providers mounted.
 */
export function renderWithRealtime(url: string | undefined, children: React.ReactNode, queryClient = new QueryClient()) {
  const tree = (inner: React.ReactNode) => (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <SignIn />
        <RealtimeProvider apiUrl={url}>{inner}</RealtimeProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
  const view = render(tree(children));
  return { unmount: view.unmount, rerender: (inner: React.ReactNode) => view.rerender(tree(inner)) };
}
