import Link from 'next/link';
import { ShieldAlert } from 'lucide-react';
import { Button } from './ui/button';

export function Forbidden({ backHref = '/inbox', backLabel = 'Back to inbox' }: { backHref?: string; backLabel?: string }) {
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center px-6 text-center" role="alert" data-testid="forbidden">
      <span className="flex size-14 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <ShieldAlert className="size-7" aria-hidden />
      </span>
      <p className="mt-6 text-sm font-semibold tracking-wide text-muted-foreground">403 · Forbidden</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">This page is only for workspace admins. If you need it, ask an admin to change your role.</p>
      <Button asChild className="mt-6">
        <Link href={backHref}>{backLabel}</Link>
      </Button>
    </div>
  );
}
