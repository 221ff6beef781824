'use client';

import type { InsightSyncStatusDto } from '@ticklegram/domain-models';
import { RefreshCw } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../components/ui/select';
import { cn } from '../../../lib/utils';
import { formatAgo, RANGE_PRESETS, type RangePreset } from '../format';

const PHASE_LABEL: Record<string, string> = { account: 'account days', media: 'posts', stories: 'stories' };

export function AccountPicker({ accounts, value, onChange }: { accounts: InsightSyncStatusDto[]; value: string; onChange: (channelId: string) => void }) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger className="w-60" aria-label="Instagram account" data-testid="insights-account">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {accounts.map((account) => (
          <SelectItem key={account.channelId} value={account.channelId}>
            {account.username ? `@${account.username}` : account.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function RangePicker({ value, onChange }: { value: RangePreset; onChange: (days: RangePreset) => void }) {
  return (
    <div role="radiogroup" aria-label="Date range" className="inline-flex rounded-lg border p-0.5">
      {RANGE_PRESETS.map((days) => (
        <button
          key={days}
          type="button"
          role="radio"
          aria-checked={value === days}
          data-testid={`insights-range-${days}`}
          onClick={() => onChange(days)}
          className={cn(
            'rounded-md px-3 py-1 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-ring',
            value === days ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-accent hover:text-accent-foreground',
          )}
        >
          {days} days
        </button>
      ))}
    </div>
  );
}

/** Last sync, live progress while one runs, the last failure in plain words, and "Sync now" for admins. */
export function SyncStatus({ status, canSync, starting, onSync }: { status: InsightSyncStatusDto; canSync: boolean; starting: boolean; onSync: () => void }) {
  const running = status.state === 'running';
  const progress = status.progress;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="insights-sync-status" aria-live="polite">
      <span className="text-muted-foreground">
        {running
          ? `Syncing${progress ? ` ${PHASE_LABEL[progress.phase] ?? progress.phase} ${progress.done}/${progress.total}` : '…'}`
          : `Last synced ${formatAgo(status.lastSyncedAt)}`}
      </span>
      {status.state === 'failed' && status.lastError && (
        <span role="alert" className="text-destructive">
          Last sync failed: {status.lastError}
        </span>
      )}
      {canSync && (
        <Button variant="outline" size="sm" onClick={onSync} disabled={running || starting} data-testid="insights-sync-now">
          <RefreshCw aria-hidden className={running || starting ? 'animate-spin' : ''} /> Sync now
        </Button>
      )}
    </div>
  );
}
