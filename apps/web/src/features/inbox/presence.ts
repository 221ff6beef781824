import type { ConversationPresenceEvent } from '@ticklegram/domain-models';

function names(members: readonly { userId: string; name: string }[]): string {
  const labels = members.map((m) => m.name || 'A teammate');
  if (labels.length <= 2) return labels.join(' and ');
  return `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more`;
}

/** "Ana is typing…" / "Ana and Bo are viewing" for the thread header; the current agent is left out. */
export function describePresence(event: ConversationPresenceEvent | null, currentUserId: string | null): { typing: string | null; viewing: string | null } {
  if (!event) return { typing: null, viewing: null };
  const typing = event.typing.filter((m) => m.userId !== currentUserId);
  const typingIds = new Set(typing.map((m) => m.userId));
  const viewers = event.viewers.filter((m) => m.userId !== currentUserId && !typingIds.has(m.userId));
  return {
    typing: typing.length ? `${names(typing)} ${typing.length === 1 ? 'is' : 'are'} typing…` : null,
    viewing: viewers.length ? `${names(viewers)} ${viewers.length === 1 ? 'is' : 'are'} viewing` : null,
  };
}
