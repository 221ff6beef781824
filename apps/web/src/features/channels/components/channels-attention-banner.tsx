'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { AlertTriangle } from 'lucide-react';
import { Role } from '@ticklegram/domain-models';
import { useAuth } from '../../auth/auth-provider';
import { useChannels } from '../api';
import { channelsNeedingAttention } from '../channel-view';

/** Across the app: tells everyone when a channel stopped working, and admins where to fix it. */
export function ChannelsAttentionBanner() {
  const { user } = useAuth();
  const channels = useChannels();
  const pathname = usePathname();
  const broken = channelsNeedingAttention(channels.data ?? []);
  if (broken.length === 0) return null;

  const names = broken.map((c) => c.name).join(', ');
  const isAdmin = user?.role === Role.ADMIN;
  return (
    <div
      role="alert"
      data-testid="channels-attention-banner"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-destructive/30 bg-destructive/10 px-6 py-2.5 text-sm"
    >
      <AlertTriangle className="size-4 shrink-0 text-destructive" aria-hidden />
      <p className="min-w-0 flex-1">
        <span className="font-medium">{broken.length === 1 ? `${names} needs attention.` : `${broken.length} accounts need attention: ${names}.`}</span>{' '}
        {isAdmin
          ? `Messages may not arrive or send until ${broken.length === 1 ? 'it is' : 'they are'} reconnected.`
          : `Messages may not arrive or send. An admin has to reconnect ${broken.length === 1 ? 'it' : 'them'}.`}
      </p>
      {isAdmin && pathname !== '/accounts' ? (
        <Link
          href="/accounts"
          aria-label={`Reconnect on the Accounts page: ${names}`}
          className="rounded-sm font-medium text-destructive underline underline-offset-4 outline-none focus-visible:ring-[3px] focus-visible:ring-destructive/40"
          data-testid="channels-attention-fix"
        >
          Reconnect
        </Link>
      ) : null}
    </div>
  );
}
