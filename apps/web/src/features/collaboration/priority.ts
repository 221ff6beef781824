import type { ConversationPriority } from '@ticklegram/domain-models';

export const PRIORITY_LABELS: Record<ConversationPriority, string> = { none: 'No priority', low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

export const PRIORITY_CLASSES: Record<ConversationPriority, string> = {
  none: 'text-muted-foreground',
  low: 'text-sky-700 dark:text-sky-300',
  medium: 'text-amber-700 dark:text-amber-300',
  high: 'text-orange-700 dark:text-orange-300',
  urgent: 'text-red-700 dark:text-red-300 font-semibold',
};
