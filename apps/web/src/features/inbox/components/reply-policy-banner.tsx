'use client';

import { AlertTriangle, Ban, CheckCircle2, Timer } from 'lucide-react';
import type { ReplyPolicyResponse } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { useNow } from '../../../lib/use-now';
import { checkingBannerView, policyBannerView } from '../reply-policy-view';

const TONES = {
  success: 'border-success/30 bg-success/8 text-success',
  warning: 'border-amber-500/40 bg-amber-500/10 text-amber-800 dark:text-amber-300',
  danger: 'border-destructive/30 bg-destructive/8 text-destructive',
} as const;

/**
 * Meta's reply rules for this conversation, shown above the composer before anything is typed. `checking`: the
 * policy is the browser's guess and hangs on the channel's Human Agent setting, so the banner says it is checking.
 */
export function ReplyPolicyBanner({ policy, checking = false }: { policy: ReplyPolicyResponse; checking?: boolean }) {
  const now = useNow(15_000);
  const view = checking ? checkingBannerView(policy.platform) : policyBannerView(policy, now);
  const Icon = view.tone === 'success' ? CheckCircle2 : view.tone === 'warning' ? AlertTriangle : Ban;
  return (
    <div
      className={cn('flex items-start gap-2 rounded-lg border px-3 py-2 text-xs', TONES[view.tone])}
      role="status"
      data-testid="reply-policy-banner"
      data-mode={policy.mode}
      data-checking={checking ? 'true' : undefined}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          {view.title}
          {policy.mode === 'human_agent' && !checking ? <span className="ml-1 font-normal opacity-80">(sent with the HUMAN_AGENT tag)</span> : null}
        </p>
        <p className="mt-0.5 text-foreground/80">{view.detail}</p>
      </div>
      {view.countdown ? (
        <span className="flex shrink-0 items-center gap-1 font-medium tabular-nums" data-testid="reply-policy-countdown">
          <Timer className="size-3.5" aria-hidden />
          {view.countdown}
        </span>
      ) : null}
    </div>
  );
}
