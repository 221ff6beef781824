'use client';

import { MessagePlatform, type ChannelDto, type LabelDto } from '@ticklegram/domain-models';
import { Label } from '../../../components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../components/ui/select';
import { Switch } from '../../../components/ui/switch';
import { cn } from '../../../lib/utils';
import { ANALYTICS_RANGES, type AnalyticsFilters, type AnalyticsRange } from '../format';

const ALL = 'all';

export interface FilterChange {
  range?: AnalyticsRange;
  from?: string | null;
  to?: string | null;
  channel?: string | null;
  platform?: string | null;
  agent?: string | null;
  label?: string | null;
  bh?: boolean;
}

function FilterSelect({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <Select value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? null : v)}>
      <SelectTrigger className="w-44" aria-label={label} data-testid={testId}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>All {label.toLowerCase()}s</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** From/to dates (both included); a change applies once both form a valid range. */
function CustomRange({ value, onChange }: { value: { from: string; to: string }; onChange: (from: string, to: string) => void }) {
  const input = 'h-8 rounded-md border bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring';
  return (
    <div className="flex items-center gap-1 text-sm" data-testid="analytics-custom-range">
      <input
        type="date"
        aria-label="From"
        className={input}
        value={value.from}
        max={value.to}
        data-testid="analytics-from"
        onChange={(e) => e.target.value && e.target.value <= value.to && onChange(e.target.value, value.to)}
      />
      <span aria-hidden className="text-muted-foreground">
        –
      </span>
      <input
        type="date"
        aria-label="To"
        className={input}
        value={value.to}
        min={value.from}
        data-testid="analytics-to"
        onChange={(e) => e.target.value && e.target.value >= value.from && onChange(value.from, e.target.value)}
      />
    </div>
  );
}

/** Range, channel, platform, agent (admins), label and business hours; every choice goes to the URL. */
export function AnalyticsFiltersBar({
  filters,
  range,
  channels,
  labels,
  agents,
  businessHoursAvailable,
  onChange,
}: {
  filters: AnalyticsFilters;
  /** The dates the preset stands for (shown in the date inputs until a custom range is picked). */
  range: { from: string; to: string };
  channels: ChannelDto[];
  labels: LabelDto[];
  agents: { id: string; name: string }[] | null;
  businessHoursAvailable: boolean;
  onChange: (change: FilterChange) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="analytics-filters">
      <div role="radiogroup" aria-label="Date range" className="inline-flex rounded-lg border p-0.5">
        {ANALYTICS_RANGES.map((days) => (
          <button
            key={days}
            type="button"
            role="radio"
            aria-checked={!filters.custom && filters.range === days}
            data-testid={`analytics-range-${days}`}
            onClick={() => onChange({ range: days, from: null, to: null })}
            className={cn(
              'rounded-md px-3 py-1 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-ring',
              !filters.custom && filters.range === days
                ? 'bg-primary text-primary-foreground'
                : 'text-muted-foreground hover:bg-accent hover:text-accent-foreground',
            )}
          >
            {days} days
          </button>
        ))}
      </div>
      <CustomRange value={filters.custom ?? range} onChange={(from, to) => onChange({ from, to })} />
      <FilterSelect
        label="Channel"
        testId="analytics-channel"
        value={filters.channelId}
        options={channels.map((c) => ({ value: c.id, label: `${c.name} (${c.platform === MessagePlatform.INSTAGRAM ? 'Instagram' : 'Messenger'})` }))}
        onChange={(v) => onChange({ channel: v })}
      />
      <FilterSelect
        label="Platform"
        testId="analytics-platform"
        value={filters.platform}
        options={[
          { value: MessagePlatform.INSTAGRAM, label: 'Instagram' },
          { value: MessagePlatform.FACEBOOK, label: 'Messenger' },
        ]}
        onChange={(v) => onChange({ platform: v })}
      />
      {agents && (
        <FilterSelect
          label="Agent"
          testId="analytics-agent"
          value={filters.agentId}
          options={agents.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => onChange({ agent: v })}
        />
      )}
      {labels.length > 0 && (
        <FilterSelect
          label="Label"
          testId="analytics-label"
          value={filters.labelId}
          options={labels.map((l) => ({ value: l.id, label: l.name }))}
          onChange={(v) => onChange({ label: v })}
        />
      )}
      {businessHoursAvailable && (
        <div className="flex items-center gap-2">
          <Switch
            id="analytics-bh"
            checked={filters.businessHours}
            onCheckedChange={(checked) => onChange({ bh: checked })}
            data-testid="analytics-business-hours"
          />
          <Label htmlFor="analytics-bh" className="text-sm font-normal">
            Business hours only
          </Label>
        </div>
      )}
      <span className="text-xs text-muted-foreground">Times in {filters.tz}</span>
    </div>
  );
}
