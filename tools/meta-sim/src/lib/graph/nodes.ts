import type { SimComment, SimConversation, SimCustomer, SimInstagramAccount, SimMedia, SimMessage, SimPage, SimPost, SimTemplate } from '../state/model';
import type { SimStore } from '../state/store';
import type { AuthContext } from './auth';
import { Edge, GraphNode, Selector } from './fields';
import { adsLookup } from './ads-nodes';
import { fbCommentNode, igCommentNode, mediaNode, postNode } from './content-nodes';
import { Errors } from './graph-error';
import { conversationNode, lastActivity, messageNode, templateNode } from './message-nodes';

/** Builds Graph nodes from store entities, honouring what the caller's token may see. */
export class NodeFactory {
  constructor(
    private readonly store: SimStore,
    private readonly auth: AuthContext,
  ) {}

  private can(accountId: string): boolean {
    return this.auth.accountIds.has(accountId);
  }

  /** Resolves `/{id}` (or `/me`) to a node, or throws Graph's "Unsupported get request" error. */
  byId(id: string, method = 'get'): GraphNode {
    const node = this.lookup(id);
    if (!node) throw Errors.unsupportedGet(id, method);
    return node;
  }

  lookup(id: string): GraphNode | undefined {
    const s = this.store;
    if (id === 'me') return this.me();
    const page = s.pages.get(id);
    if (page && this.can(page.id)) return this.page(page);
    const ig = s.instagramAccounts.get(id);
    if (ig && this.can(ig.id)) return this.instagramAccount(ig);
    const customer = s.customers.get(id);
    if (customer && this.can(customer.accountId)) return this.customer(customer);
    const media = s.media.get(id);
    if (media && (this.can(media.accountId) || media.mentions.some((m) => this.can(m)))) return this.media(media);
    const comment = s.comments.get(id);
    if (comment && !comment.deleted && this.can(comment.accountId)) return comment.platform === 'instagram' ? this.igComment(comment) : this.fbComment(comment);
    const post = s.posts.get(id);
    if (post && !post.deleted && (this.can(post.pageId) || (post.mentions ?? []).some((m) => this.can(m)))) return this.post(post);
    const conv = s.conversations.get(id);
    if (conv && this.can(conv.accountId)) return this.conversation(conv);
    const message = s.messages.get(id);
    if (message) {
      const c = s.conversations.get(message.conversationId);
      if (c && this.can(c.accountId)) return this.message(message);
    }
    const adsNode = adsLookup(s, this.auth, id);
    if (adsNode) return adsNode;
    const template = s.templates.get(id);
    if (template && !template.deleted && this.can(template.pageId)) return this.template(template);
    const pixel = s.pixels.get(id);
    if (pixel && this.auth.token.type !== 'IG_USER') return new GraphNode('AdsPixel', pixel.id, { id: pixel.id, name: pixel.name });
    const user = s.users.get(id);
    if (user && (this.auth.token.type === 'APP' || this.auth.token.subjectId === id)) return this.fbUser(user.id, user.name);
    if (id === s.settings.appId)
      return new GraphNode('Application', id, { id, name: s.settings.appName, link: 'https://www.facebook.com/games/?app_id=' + id }, ['id', 'name']);
    return undefined;
  }

  me(): GraphNode {
    const t = this.auth.token;
    const s = this.store;
    if (t.type === 'PAGE') {
      const page = s.pages.get(t.subjectId);
      if (page) return this.page(page);
    }
    if (t.type === 'IG_USER') {
      const ig = s.instagramAccounts.get(t.subjectId);
      if (ig) return this.instagramAccount(ig);
    }
    if (t.type === 'USER') {
      const user = s.users.get(t.subjectId);
      if (user) return this.fbUser(user.id, user.name);
    }
    if (t.type === 'APP') return new GraphNode('Application', t.appId, { id: t.appId, name: s.settings.appName }, ['id', 'name']);
    throw Errors.unsupportedGet('me');
  }

  fbUser(id: string, name: string): GraphNode {
    return new GraphNode(
      'User',
      id,
      {
        id,
        name,
        accounts: () => new Edge(() => this.accountsOf(id), ['access_token', 'category', 'category_list', 'name', 'id', 'tasks']),
      },
      ['name', 'id'],
    );
  }

  /** Pages the user administers, with page tokens (`/me/accounts`). */
  accountsOf(userId: string): Array<GraphNode> {
    return [...this.store.pages.values()].filter((p) => p.adminUserIds.includes(userId)).map((p) => this.page(p, true));
  }

  pageToken(page: SimPage): string | undefined {
    const t = this.auth.token;
    if (t.type === 'PAGE') return t.subjectId === page.id ? t.token : undefined;
    if (t.type !== 'USER' && t.type !== 'APP') return undefined;
    const long = t.type === 'APP' || t.longLived;
    for (const existing of this.store.tokens.values()) {
      const sameGrant =
        t.type === 'APP' ||
        (existing.userId === t.subjectId && existing.scopes.length === t.scopes.length && t.scopes.every((sc) => existing.scopes.includes(sc)));
      if (
        existing.type === 'PAGE' &&
        existing.subjectId === page.id &&
        existing.longLived === long &&
        sameGrant &&
        existing.invalidSubcode === undefined &&
        (existing.expiresAt === 0 || existing.expiresAt > Date.now())
      )
        return existing.token;
    }
    const token = this.store.newToken('EAASimPage');
    const now = Date.now();
    this.store.tokens.set(token, {
      token,
      type: 'PAGE',
      appId: this.store.settings.appId,
      subjectId: page.id,
      userId: t.type === 'USER' ? t.subjectId : undefined,
      scopes: t.scopes,
      issuedAt: now,
      expiresAt: long ? 0 : now + 3_600_000,
      longLived: long,
    });
    return token;
  }

  page(page: SimPage, includeToken = false): GraphNode {
    const ig = page.instagramAccountId ? this.store.instagramAccounts.get(page.instagramAccountId) : undefined;
    const fields: Record<string, unknown> = {
      id: page.id,
      name: page.name,
      username: page.username,
      category: page.category,
      category_list: [{ id: '2209', name: page.category }],
      link: `https://www.facebook.com/${page.username}`,
      fan_count: 1234,
      followers_count: 1300,
      tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
      picture: { data: { height: 50, is_silhouette: false, url: page.pictureUrl, width: 50 } },
      access_token: () => this.pageToken(page),
      instagram_business_account: ig ? () => this.instagramAccount(ig) : undefined,
      connected_instagram_account: ig ? () => this.instagramAccount(ig) : undefined,
      feed: () => new Edge(() => this.postsOf(page.id), ['created_time', 'message', 'id']),
      posts: () =>
        new Edge(
          () => this.postsOf(page.id).filter((p) => p.fields['from'] && (p.fields['from'] as { id: string }).id === page.id),
          ['created_time', 'message', 'id'],
        ),
      published_posts: () => new Edge(() => this.postsOf(page.id), ['created_time', 'message', 'id']),
      // Dark posts that only run as ads (not in the feed).
      ads_posts: () => new Edge(() => this.postsOf(page.id, 'ads'), ['created_time', 'message', 'id']),
      conversations: () => new Edge(({ filter }) => this.conversationsOf(page.id, filter === 'instagram' ? 'instagram' : 'messenger'), ['id']),
    };
    return new GraphNode('Page', page.id, fields, includeToken ? ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'] : ['name', 'id']);
  }

  postsOf(pageId: string, kind: 'published' | 'ads' = 'published'): GraphNode[] {
    return [...this.store.posts.values()]
      .filter((p) => p.pageId === pageId && !p.deleted && (kind === 'ads' ? p.adId !== undefined : p.isPublished !== false))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((p) => this.post(p));
  }

  conversationsOf(accountId: string, platform: 'messenger' | 'instagram', userId?: string): GraphNode[] {
    const page = this.store.pages.get(accountId);
    const ids = new Set<string>([accountId]);
    if (platform === 'instagram' && page?.instagramAccountId) ids.add(page.instagramAccountId);
    return [...this.store.conversations.values()]
      .filter((c) => ids.has(c.accountId) && c.platform === platform && c.messageMids.length > 0)
      .filter((c) => !userId || c.customerId === userId)
      .map((c) => ({ c, t: lastActivity(this.store, c) }))
      .sort((a, b) => b.t - a.t)
      .map(({ c }) => this.conversation(c));
  }

  conversation(c: SimConversation): GraphNode {
    return conversationNode(this.store, c);
  }

  message(m: SimMessage): GraphNode {
    return messageNode(this.store, m);
  }

  template(t: SimTemplate): GraphNode {
    return templateNode(t);
  }

  instagramAccount(ig: SimInstagramAccount): GraphNode {
    const s = this.store;
    const mediaOf = (): GraphNode[] =>
      [...s.media.values()]
        .filter((m) => m.accountId === ig.id && (m.mediaProductType === 'FEED' || m.mediaProductType === 'REELS'))
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((m) => this.media(m));
    const fields: Record<string, unknown> = {
      id: this.auth.host === 'instagram' && ig.appScopedId ? ig.appScopedId : ig.id,
      user_id: ig.id,
      ig_id: Number(ig.id.slice(-10)),
      username: ig.username,
      name: ig.name,
      biography: ig.biography,
      website: ig.website,
      account_type: 'BUSINESS',
      profile_picture_url: ig.profilePictureUrl,
      followers_count: ig.followersCount,
      follows_count: ig.followsCount,
      media_count: () => mediaOf().length,
      media: () => new Edge(() => mediaOf(), ['id']),
      // Only stories that have not expired (24 h) and broadcasts on air right now.
      stories: () =>
        new Edge(
          () =>
            [...s.media.values()]
              .filter((m) => m.accountId === ig.id && m.mediaProductType === 'STORY' && Date.now() - m.createdAt < 86_400_000)
              .map((m) => this.media(m)),
          ['id'],
        ),
      live_media: () =>
        new Edge(
          () =>
            [...s.media.values()].filter((m) => m.accountId === ig.id && m.mediaProductType === 'LIVE' && m.liveStatus === 'live').map((m) => this.media(m)),
          ['id'],
        ),
      // Meta exposes mentions as field expansions, not list edges: mentioned_media.media_id(X){…}, mentioned_comment.comment_id(X){…}
      mentioned_media: new Selector((mods) => {
        const media = s.media.get(mods['media_id'] ?? '');
        if (!mods['media_id']) throw Errors.param('The parameter media_id is required for mentioned_media');
        if (!media || !media.mentions.includes(ig.id)) throw Errors.unsupportedGet(mods['media_id']);
        return this.media(media);
      }),
      mentioned_comment: new Selector((mods) => {
        const comment = s.comments.get(mods['comment_id'] ?? '');
        if (!mods['comment_id']) throw Errors.param('The parameter comment_id is required for mentioned_comment');
        if (!comment || comment.deleted || !comment.mentions.includes(ig.id)) throw Errors.unsupportedGet(mods['comment_id']);
        return this.igComment(comment);
      }),
      tags: () => new Edge(() => [...s.media.values()].filter((m) => m.mentions.includes(ig.id)).map((m) => this.media(m)), ['id']),
      conversations: () => new Edge(() => this.conversationsOf(ig.id, 'instagram'), ['id']),
    };
    const defaults = this.auth.host === 'instagram' ? ['id', 'user_id', 'username'] : ['id'];
    return new GraphNode('User', ig.appScopedId && this.auth.host === 'instagram' ? ig.appScopedId : ig.id, fields, defaults);
  }

  customer(c: SimCustomer): GraphNode {
    if (c.platform === 'instagram') {
      return new GraphNode(
        'User',
        c.id,
        {
          id: c.id,
          name: c.name,
          username: c.username,
          profile_pic: c.profilePicUrl,
          follower_count: c.followerCount,
          is_user_follow_business: c.isUserFollowBusiness,
          is_business_follow_user: c.isBusinessFollowUser,
          is_verified_user: c.isVerifiedUser,
        },
        ['name', 'username', 'profile_pic', 'id'],
      );
    }
    return new GraphNode(
      'User',
      c.id,
      {
        id: c.id,
        name: c.name,
        first_name: c.firstName,
        last_name: c.lastName,
        profile_pic: c.profilePicUrl,
        locale: c.locale,
        timezone: c.timezone,
      },
      ['first_name', 'last_name', 'profile_pic', 'id'],
    );
  }

  media(m: SimMedia): GraphNode {
    return mediaNode(this.store, m);
  }

  igComment(c: SimComment): GraphNode {
    return igCommentNode(this.store, c);
  }

  post(p: SimPost): GraphNode {
    return postNode(this.store, p);
  }

  fbComment(c: SimComment): GraphNode {
    return fbCommentNode(this.store, c);
  }
}
