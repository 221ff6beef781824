import type { ConversationDto } from '@ticklegram/domain-models';

/** What the thread says while another app controls the conversation; null while this app does. */
export function threadOwnerNotice(conversation: Pick<ConversationDto, 'threadOwner'>): { title: string; detail: string } | null {
  const owner = conversation.threadOwner;
  if (owner?.ownedBy !== 'other_app') return null;
  const name = owner.appName ?? 'Another app';
  return {
    title: `${name} has this conversation`,
    detail: `New messages from the customer still show here, but Meta delivers nothing sent from this inbox until ${owner.appName ?? 'that app'} passes the conversation back.`,
  };
}
