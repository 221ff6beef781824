'use client';

import { AlertTriangle } from 'lucide-react';
import { Button } from './ui/button';

export function RouteError({ error, reset, title }: { error: Error & { digest?: string }; reset: () => void; title: string }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-6 text-center" role="alert">
      <AlertTriangle className="size-8 text-destructive" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      <p className="mt-1 max-w-sm text-sm text-muted-foreground">
        Something went wrong while showing this page. Try again; if it keeps happening, tell your admin
        {error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
