'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, SessionResponse, UserDto } from '@ticklegram/domain-models';
import { createApiClient, type ApiClient } from '../../lib/api/client';

export type AuthStatus = 'unknown' | 'loading' | 'authenticated' | 'unauthenticated' | 'error';

interface AuthContextValue {
  status: AuthStatus;
  user: UserDto | null;
  client: ApiClient;
  /** Restores the session from the refresh cookie if not done yet. */
  ensureSession(): Promise<void>;
  signIn(credentials: LoginRequest): Promise<SessionResponse>;
  signOut(): Promise<void>;
}

const AuthContext = React.createContext<AuthContextValue | null>(null);

function loginUrl(): string {
  if (typeof window === 'undefined') return '/login';
  const next = `${window.location.pathname}${window.location.search}`;
  return next && next !== '/' && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

export function AuthProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [status, setStatus] = React.useState<AuthStatus>('unknown');
  const [user, setUser] = React.useState<UserDto | null>(null);

  const [client] = React.useState(() =>
    createApiClient({
      onSessionChange: (session) => {
        setUser(session?.user ?? null);
        setStatus(session ? 'authenticated' : 'unauthenticated');
      },
      onSessionExpired: () => {
        queryClient.clear();
        router.replace(loginUrl());
      },
    }),
  );

  const statusRef = React.useRef(status);
  statusRef.current = status;

  const ensureSession = React.useCallback(async () => {
    if (statusRef.current === 'authenticated' || statusRef.current === 'loading') return;
    setStatus('loading');
    try {
      const session = await client.refresh();
      if (!session) router.replace(loginUrl());
    } catch {
      setStatus('error');
    }
  }, [client, router]);

  const signIn = React.useCallback((credentials: LoginRequest) => client.login(credentials), [client]);

  const signOut = React.useCallback(async () => {
    try {
      await client.logout();
    } finally {
      queryClient.clear();
      router.replace('/login');
    }
  }, [client, queryClient, router]);

  const value = React.useMemo<AuthContextValue>(
    () => ({ status, user, client, ensureSession, signIn, signOut }),
    [status, user, client, ensureSession, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = React.useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

export function useApiClient(): ApiClient {
  return useAuth().client;
}
