'use client';

import type * as React from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { AlertTriangle, RefreshCw, type LucideIcon } from 'lucide-react';
import { describeApiError, isForbiddenError } from '../lib/api/api-error';
import { cn } from '../lib/utils';
import { Forbidden } from './forbidden';
import { Button } from './ui/button';
import { Skeleton } from './ui/skeleton';

/** Placeholder rows while a list loads (pass `children` for a shape of your own). */
export function LoadingState({ label, rows = 3, children, className }: { label: string; rows?: number; children?: React.ReactNode; className?: string }) {
  return (
    <div aria-busy="true" aria-label={label} className={cn('grid gap-2', className)}>
      {children ?? Array.from({ length: rows }, (_, i) => <Skeleton key={i} className="h-12 w-full rounded-lg" />)}
    </div>
  );
}

/** Something failed to load: what, why in plain words, and a way to try again. */
export function ErrorState({ title, message, onRetry, retrying = false }: { title: string; message: string; onRetry?: () => void; retrying?: boolean }) {
  return (
    <div role="alert" className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
      <AlertTriangle className="size-7 text-destructive" aria-hidden />
      <h2 className="mt-3 font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-muted-foreground">{message}</p>
      {onRetry ? (
        <Button variant="outline" className="mt-5" onClick={onRetry} disabled={retrying}>
          <RefreshCw aria-hidden className={retrying ? 'animate-spin' : ''} /> Try again
        </Button>
      ) : null}
    </div>
  );
}

/** Nothing here yet: what would be here, and what to do about it. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  className,
  ...props
}: {
  icon: LucideIcon;
  title: string;
  children?: React.ReactNode;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <div className={cn('flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center', className)} {...props}>
      <Icon className="size-7 text-muted-foreground" aria-hidden />
      <h2 className="mt-3 font-semibold">{title}</h2>
      {children ? <div className="mt-1 max-w-md text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}

/**
 * The loading / error / empty / data states of one query in one place: a 403 shows the 403 page,
 * other errors `ErrorState` with a retry, and `empty` when `isEmpty(data)`.
 */
export function QueryStates<T>({
  query,
  loading,
  errorTitle,
  describeError = describeApiError,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loading: React.ReactNode;
  errorTitle: string;
  describeError?: (error: unknown) => string;
  isEmpty?: (data: T) => boolean;
  empty?: React.ReactNode;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) return loading;
  if (query.isError) {
    if (isForbiddenError(query.error)) return <Forbidden />;
    return <ErrorState title={errorTitle} message={describeError(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (isEmpty?.(query.data) && empty !== undefined) return empty;
  return children(query.data);
}
