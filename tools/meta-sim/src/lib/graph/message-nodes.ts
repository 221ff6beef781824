import type { SimConversation, SimMessage, SimTemplate } from '../state/model';
import type { SimStore } from '../state/store';
import { Edge, GraphNode, isoTime } from './fields';

/** Graph nodes of the Conversations API (conversation, message) and utility message templates. */

export function mimeFor(type: string): string {
  return (
    ({ image: 'image/png', video: 'video/mp4', audio: 'audio/mp4', file: 'application/pdf' } as Record<string, string>)[type] ?? 'application/octet-stream'
  );
}

export function lastActivity(store: SimStore, c: SimConversation): number {
  const msgs = store.conversationMessages(c);
  return msgs[msgs.length - 1]?.createdAt ?? 0;
}

function participant(store: SimStore, id: string): Record<string, unknown> {
  const customer = store.customers.get(id);
  if (customer) {
    return customer.platform === 'instagram'
      ? { username: customer.username, id: customer.id }
      : { name: customer.name, email: `${customer.id}@facebook.com`, id: customer.id };
  }
  const acc = store.accountName(id);
  return store.isInstagramAccount(id) ? { username: acc.username, id } : { name: acc.name, email: `${id}@facebook.com`, id };
}

export function conversationNode(store: SimStore, c: SimConversation): GraphNode {
  const msgs = (): SimMessage[] =>
    store
      .conversationMessages(c)
      .filter((m) => !m.isDeleted)
      .reverse();
  return new GraphNode(
    'Conversation',
    c.id,
    {
      id: c.id,
      updated_time: () => isoTime(lastActivity(store, c)),
      message_count: () => msgs().length,
      unread_count: () => msgs().filter((m) => m.direction === 'inbound' && (c.businessSeenAt ?? 0) < m.createdAt).length,
      participants: () => ({ data: [participant(store, c.customerId), participant(store, c.accountId)] }),
      can_reply: true,
      is_subscribed: true,
      link: c.platform === 'messenger' ? `/${c.accountId}/inbox/${c.id}` : undefined,
      messages: () => new Edge(() => msgs().map((m) => messageNode(store, m)), ['id', 'created_time']),
    },
    ['id'],
  );
}

function storyField(m: SimMessage): Record<string, unknown> | undefined {
  const mention = m.attachments.find((a) => a.type === 'story_mention');
  if (mention) return { mention: { link: mention.url, id: m.mid } };
  const reply = m.attachments.find((a) => a.type === 'story_reply');
  if (reply) return { reply_to: { link: reply.url, id: String(reply.extra?.['story_id'] ?? '') } };
  return undefined;
}

export function messageNode(store: SimStore, m: SimMessage): GraphNode {
  const attachments = m.attachments.filter((a) => ['image', 'video', 'audio', 'file'].includes(a.type));
  const conv = store.conversations.get(m.conversationId);
  return new GraphNode(
    'Message',
    m.mid,
    {
      id: m.mid,
      created_time: isoTime(m.createdAt),
      from: participant(store, m.senderId),
      to: { data: [participant(store, m.recipientId)] },
      message: m.text ?? '',
      is_unsupported: false,
      attachments: attachments.length
        ? {
            data: attachments.map((a, i) => {
              const base: Record<string, unknown> = {
                id: a.attachmentId ?? `${m.mid}_${i}`,
                mime_type: a.mimeType ?? mimeFor(a.type),
                name: a.name ?? `${a.type}-${i}`,
              };
              if (a.type === 'image') base['image_data'] = { width: 640, height: 640, max_width: 640, max_height: 640, url: a.url, preview_url: a.url };
              else if (a.type === 'video') base['video_data'] = { width: 640, height: 360, length: 12, url: a.url, preview_url: a.url };
              else base['file_url'] = a.url;
              return base;
            }),
          }
        : undefined,
      reactions: Object.keys(m.reactions).length
        ? { data: Object.entries(m.reactions).map(([uid, r]) => ({ reaction: r.emoji, users: [participant(store, uid)] })) }
        : undefined,
      story: storyField(m),
      shares: undefined,
      thread_id: conv?.id,
    },
    ['id', 'created_time'],
  );
}

export function templateNode(t: SimTemplate): GraphNode {
  return new GraphNode(
    'MessageTemplate',
    t.id,
    {
      id: t.id,
      name: t.name,
      status: t.status,
      category: t.category,
      language: t.language,
      components: t.components,
      parameter_format: t.parameterFormat,
      rejected_reason: t.status === 'REJECTED' ? (t.rejectedReason ?? 'INCORRECT_PARAMS') : 'NONE',
    },
    ['id', 'name', 'status', 'category', 'language', 'components'],
  );
}
