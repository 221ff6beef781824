'use client';

import * as React from 'react';
import { AlertTriangle } from 'lucide-react';
import { useAuth } from '../../../../features/auth/auth-provider';
import { Button } from '../../../../components/ui/button';
import { Skeleton } from '../../../../components/ui/skeleton';
import { AppSidebar, MobileNav } from './app-sidebar';

function ShellSkeleton() {
  return (
    <div className="flex min-h-svh" aria-busy="true" aria-label="Loading your workspace">
      <div className="hidden w-60 shrink-0 flex-col gap-3 border-r bg-sidebar p-4 md:flex">
        <Skeleton className="h-8 w-32" />
        <div className="mt-4 grid gap-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
      </div>
      <div className="flex-1 p-8">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="mt-3 h-4 w-80" />
      </div>
    </div>
  );
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const { status, user, ensureSession, signOut } = useAuth();

  React.useEffect(() => {
    void ensureSession();
  }, [ensureSession]);

  if (status === 'error') {
    return (
      <div className="flex min-h-svh flex-col items-center justify-center gap-4 p-6 text-center" role="alert">
        <AlertTriangle className="size-8 text-destructive" aria-hidden />
        <div>
          <h1 className="text-lg font-semibold">We couldn&apos;t reach TickleGram</h1>
          <p className="mt-1 text-sm text-muted-foreground">The server did not answer. Check your connection and try again.</p>
        </div>
        <Button onClick={() => void ensureSession()}>Try again</Button>
      </div>
    );
  }

  if (status !== 'authenticated' || !user) return <ShellSkeleton />;

  const onSignOut = () => void signOut();
  return (
    <div className="flex h-svh overflow-hidden">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-md focus:ring-[3px] focus:ring-ring/50"
      >
        Skip to content
      </a>
      <AppSidebar user={user} onSignOut={onSignOut} />
      <div className="flex min-w-0 flex-1 flex-col">
        <MobileNav user={user} onSignOut={onSignOut} />
        <main id="main" tabIndex={-1} className="flex-1 overflow-y-auto outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
