const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "Yesterday", "Mon", "Nov 3", "Nov 3, 2024": short times for the conversation list. */
export function relativeTime(iso: string | null, now: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = now - t;
  if (diff < MINUTE) return 'now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
  const date = new Date(t);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return `${Math.floor(diff / HOUR)}h`;
  const yesterday = new Date(now - DAY);
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  if (diff < 6 * DAY) return date.toLocaleDateString('en-US', { weekday: 'short' });
  if (date.getFullYear() === today.getFullYear()) return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
}

export function dayLabel(iso: string, now: number): string {
  const date = new Date(iso);
  if (date.toDateString() === new Date(now).toDateString()) return 'Today';
  if (date.toDateString() === new Date(now - DAY).toDateString()) return 'Yesterday';
  return date.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
}
