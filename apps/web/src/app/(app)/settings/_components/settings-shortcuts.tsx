'use client';

import Link from 'next/link';
import { ChevronRight, MessageSquareText, Tag, Users } from 'lucide-react';
import { Role } from '@ticklegram/domain-models';
import { useAuth } from '../../../../features/auth/auth-provider';

/** What already works under Settings; admins only for now. */
export function SettingsShortcuts() {
  const { user } = useAuth();
  if (user?.role !== Role.ADMIN) return null;
  return (
    <div className="mt-8 grid gap-3">
      <Link
        href="/settings/users"
        className="flex items-center gap-4 rounded-xl border bg-card p-4 shadow-xs outline-none transition-colors hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <span className="flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary">
          <Users className="size-5" aria-hidden />
        </span>
        <span className="grid flex-1">
          <span className="font-medium">Users</span>
          <span className="text-sm text-muted-foreground">Add teammates, change roles, reset passwords.</span>
        </span>
        <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
      </Link>
      <Link
        href="/settings/canned-responses"
        className="flex items-center gap-4 rounded-xl border bg-card p-4 shadow-xs outline-none transition-colors hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <span className="flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary">
          <MessageSquareText className="size-5" aria-hidden />
        </span>
        <span className="grid flex-1">
          <span className="font-medium">Canned responses</span>
          <span className="text-sm text-muted-foreground">Saved replies agents insert with / in the composer.</span>
        </span>
        <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
      </Link>
      <Link
        href="/settings/labels"
        className="flex items-center gap-4 rounded-xl border bg-card p-4 shadow-xs outline-none transition-colors hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <span className="flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary">
          <Tag className="size-5" aria-hidden />
        </span>
        <span className="grid flex-1">
          <span className="font-medium">Labels</span>
          <span className="text-sm text-muted-foreground">Tags for conversations, with colours; filter the inbox by them.</span>
        </span>
        <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
      </Link>
    </div>
  );
}
