/** The restriction a Page carries after a policy enforcement event, or null when the event changes nothing. */
export function nextRestriction(
  current: { action: 'block' | 'warning' | null; at: Date | null },
  event: { action: string | null; reason: string | null; at: Date },
): { action: 'block' | 'warning' | null; reason: string | null } | null {
  if (current.at && event.at < current.at) return null;
  switch (event.action) {
    case 'block':
      return { action: 'block', reason: event.reason };
    case 'unblock':
      return { action: null, reason: null };
    case 'warning':
      // a warning never lifts a block; only `unblock` does
      return current.action === 'block' ? null : { action: 'warning', reason: event.reason };
    default:
      return null;
  }
}
