import type { SimComment, SimMedia, SimPost } from '../state/model';
import type { SimStore } from '../state/store';
import { Edge, GraphNode, isoTime } from './fields';

/** Graph nodes of what the accounts publish and what people write under it: Instagram media and Page posts, and their comments. */

function commentsOn(store: SimStore, objectId: string, topLevelOnly: boolean, order?: string): SimComment[] {
  const list = [...store.comments.values()].filter((c) => c.objectId === objectId && !c.deleted && (!topLevelOnly || !c.parentId));
  list.sort((a, b) => a.createdAt - b.createdAt);
  return order === 'reverse_chronological' ? list.reverse() : list;
}

export function mediaNode(store: SimStore, m: SimMedia): GraphNode {
  const owner = store.instagramAccounts.get(m.accountId);
  const top = (): SimComment[] => commentsOn(store, m.id, true);
  return new GraphNode(
    'IGMedia',
    m.id,
    {
      id: m.id,
      caption: m.caption || undefined,
      media_type: m.mediaType,
      media_product_type: m.mediaProductType,
      media_url: m.mediaUrl,
      thumbnail_url: m.mediaType === 'VIDEO' ? m.mediaUrl : undefined,
      permalink: m.permalink,
      shortcode: m.permalink.split('/').filter(Boolean).pop(),
      timestamp: isoTime(m.createdAt),
      username: m.ownerUsername,
      owner: owner ? { id: owner.id } : undefined,
      like_count: m.likeCount,
      comments_count: () => commentsOn(store, m.id, false).length,
      is_comment_enabled: true,
      comments: () => new Edge(() => top().map((c) => igCommentNode(store, c)), ['timestamp', 'text', 'id']),
    },
    ['id'],
  );
}

export function igCommentNode(store: SimStore, c: SimComment): GraphNode {
  const media = store.media.get(c.objectId);
  return new GraphNode(
    'IGComment',
    c.id,
    {
      id: c.id,
      text: c.text,
      timestamp: isoTime(c.createdAt),
      username: c.fromUsername,
      from: { id: c.fromId, username: c.fromUsername },
      user: store.customers.has(c.fromId) ? undefined : { id: c.fromId },
      hidden: c.hidden,
      like_count: c.likeCount,
      parent_id: c.parentId,
      media: media ? { id: media.id, media_product_type: media.mediaProductType } : undefined,
      replies: () =>
        new Edge(
          () =>
            [...store.comments.values()]
              .filter((r) => r.parentId === c.id && !r.deleted)
              .sort((a, b) => a.createdAt - b.createdAt)
              .map((r) => igCommentNode(store, r)),
          ['timestamp', 'text', 'id'],
        ),
    },
    ['timestamp', 'text', 'id'],
  );
}

function personFrom(store: SimStore, id: string, name: string): Record<string, unknown> {
  const c = [...store.customers.values()].find((x) => x.feedUserId === id);
  const page = store.pages.get(id);
  const url = c?.profilePicUrl ?? page?.pictureUrl ?? `${store.settings.publicUrl}/cdn/avatar/${id}.png`;
  return { id, name, picture: { data: { height: 50, is_silhouette: false, url, width: 50 } } };
}

export function postNode(store: SimStore, p: SimPost): GraphNode {
  const comments = (filter?: string, order?: string): GraphNode[] => commentsOn(store, p.id, filter !== 'stream', order).map((c) => fbCommentNode(store, c));
  return new GraphNode(
    'Post',
    p.id,
    {
      id: p.id,
      message: p.message,
      created_time: isoTime(p.createdAt),
      updated_time: isoTime(p.createdAt),
      permalink_url: p.permalinkUrl,
      full_picture: p.fullPicture,
      status_type: p.statusType,
      is_hidden: p.isHidden,
      is_published: p.isPublished ?? true,
      promotion_status: p.adId ? 'active' : 'inactive',
      from: personFrom(store, p.fromId, p.fromName),
      shares: { count: 0 },
      attachments: () =>
        new Edge(
          () =>
            p.fullPicture
              ? [{ media: { image: { src: p.fullPicture, height: 720, width: 720 } }, media_type: 'photo', type: 'photo', url: p.permalinkUrl }]
              : [],
          ['media', 'type', 'url'],
        ),
      comments: () =>
        new Edge(
          ({ filter, order }) => comments(filter, order),
          ['created_time', 'from', 'message', 'id'],
          (n) => ({ order: 'ranked', total_count: n, can_comment: true }),
        ),
      reactions: () =>
        new Edge(
          () => [],
          ['id', 'name', 'type'],
          () => ({ total_count: p.reactionCount, viewer_reaction: 'NONE' }),
        ),
      likes: () =>
        new Edge(
          () => [],
          ['id', 'name'],
          () => ({ total_count: p.reactionCount, can_like: true, has_liked: false }),
        ),
    },
    ['created_time', 'message', 'id'],
  );
}

export function fbCommentNode(store: SimStore, c: SimComment): GraphNode {
  const replies = (): SimComment[] => [...store.comments.values()].filter((r) => r.parentId === c.id && !r.deleted).sort((a, b) => a.createdAt - b.createdAt);
  const post = store.posts.get(c.objectId);
  return new GraphNode(
    'Comment',
    c.id,
    {
      id: c.id,
      message: c.text,
      created_time: isoTime(c.createdAt),
      from: personFrom(store, c.fromId, c.fromName),
      comment_count: () => replies().length,
      like_count: c.likeCount,
      is_hidden: c.hidden,
      can_hide: c.fromId !== c.accountId,
      can_remove: true,
      can_reply_privately: !c.privateReplyMid && Date.now() - c.createdAt < 7 * 86_400_000,
      permalink_url: `${post?.permalinkUrl ?? 'https://www.facebook.com/'}?comment_id=${c.id.split('_')[1] ?? c.id}`,
      parent: c.parentId
        ? () => {
            const parent = store.comments.get(c.parentId ?? '');
            return parent ? fbCommentNode(store, parent) : undefined;
          }
        : undefined,
      object: post ? { id: post.id } : undefined,
      attachment: undefined,
      message_tags: [],
      comments: () =>
        new Edge(
          () => replies().map((r) => fbCommentNode(store, r)),
          ['created_time', 'from', 'message', 'id'],
          (n) => ({ order: 'chronological', total_count: n, can_comment: true }),
        ),
      reactions: () =>
        new Edge(
          () => [],
          ['id', 'name', 'type'],
          () => ({ total_count: c.likeCount, viewer_reaction: 'NONE' }),
        ),
    },
    ['created_time', 'from', 'message', 'id'],
  );
}
