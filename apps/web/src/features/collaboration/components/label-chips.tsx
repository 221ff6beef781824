import type { LabelDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';

/** Small coloured chips; the colour is a dot so any label colour stays readable. */
export function LabelChips({ labels, className }: { labels: readonly LabelDto[]; className?: string }) {
  if (labels.length === 0) return null;
  return (
    <ul className={cn('flex flex-wrap gap-1', className)} aria-label="Labels">
      {labels.map((label) => (
        <li
          key={label.id}
          className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-1.5 py-px text-[11px] leading-4 text-foreground"
          data-testid="label-chip"
        >
          <span className="size-2 rounded-full" style={{ backgroundColor: label.color }} aria-hidden />
          {label.name}
        </li>
      ))}
    </ul>
  );
}
