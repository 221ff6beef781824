import * as React from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Role, type SessionResponse, type UserDto } from '@ticklegram/domain-models';
import { AuthProvider, useAuth } from './auth-provider';

/*
 * For web unit tests of signed-in components: the real AuthProvider and api client, with the web
 * api's routes answered in-process by `routes` (the browser's `fetch`). Tests need
 * `jest.mock('next/navigation', …)` for the AuthProvider's router.
 */

export function sessionResponse(token: string, user: Partial<UserDto> = {}): SessionResponse {
  return {
    accessToken: token,
    expiresIn: 900,
    user: {
      id: 'u1',
      email: 'ada@example.test',
      name: 'Ada Admin',
      role: Role.ADMIN,
      active: true,
      lastLoginAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...user,
    },
  };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/** Answers a request, or `null` to fall through (refresh always answers with a session). */
export type Routes = (request: SentRequest) => Response | null;

/**
 * Installs a `fetch` that hands out sessions for `user` on `/api/auth/refresh` (tok-1, tok-2, …) and
 * answers everything else through `routes`; returns the requests sent (refreshes left out).
 */
export function serveApi(routes: Routes, user: Partial<UserDto> = {}): SentRequest[] {
  const sent: SentRequest[] = [];
  let issued = 0;
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    if (request.url.endsWith('/api/auth/refresh')) {
      issued += 1;
      return jsonResponse(200, sessionResponse(`tok-${issued}`, user));
    }
    sent.push(request);
    return routes(request) ?? jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url}` });
  }) as typeof fetch;
  return sent;
}

/** Restores the session (as the app shell does). */
export function SignIn() {
  const { ensureSession } = useAuth();
  React.useEffect(() => void ensureSession(), [ensureSession]);
  return null;
}

/** Renders `children` inside the real providers, signed in through `serveApi`'s refresh. */
export function renderSignedIn(
  children: React.ReactNode,
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
) {
  return render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <SignIn />
        {children}
      </AuthProvider>
    </QueryClientProvider>,
  );
}
