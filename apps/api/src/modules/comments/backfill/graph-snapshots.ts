import { FbCommentWire, FbPostWire, GraphAuth, IgCommentWire, IgMediaWire, MetaGraphClient } from '@ticklegram/meta-graph';

/** A comment as a backfill read it from Graph. */
export interface FetchedComment {
  externalId: string;
  parentExternalId: string | null;
  authorExternalId: string | null;
  authorName: string | null;
  authorUsername: string | null;
  isFromBusiness: boolean;
  text: string | null;
  hidden: boolean | null;
  commentedAt: Date;
}

/** A post or media with its recent comments and replies. */
export interface FetchedPost {
  externalId: string;
  productType: string | null;
  isAd: boolean;
  caption: string | null;
  permalinkUrl: string | null;
  thumbnailUrl: string | null;
  postedAt: Date | null;
  comments: FetchedComment[];
}

const RECENT_POSTS = 25;
const date = (value: string | undefined): Date | null => (value ? new Date(value) : null);

function igComment(c: IgCommentWire, accountId: string, parent: string | null): FetchedComment {
  const author = c.from?.id ?? c.user?.id ?? null;
  return {
    externalId: c.id,
    parentExternalId: parent,
    authorExternalId: author,
    authorName: null,
    authorUsername: c.from?.username ?? c.username ?? null,
    isFromBusiness: author === accountId,
    text: c.text ?? null,
    hidden: c.hidden ?? null,
    commentedAt: date(c.timestamp) ?? new Date(),
  };
}

function igPost(media: IgMediaWire, accountId: string, productType?: string, comments?: IgCommentWire[]): FetchedPost {
  const flat: FetchedComment[] = [];
  for (const c of comments ?? media.comments?.data ?? []) {
    flat.push(igComment(c, accountId, null));
    for (const reply of c.replies?.data ?? []) flat.push(igComment(reply, accountId, c.id));
  }
  const type = productType ?? media.media_product_type ?? null;
  return {
    externalId: media.id,
    productType: type,
    isAd: type === 'AD',
    caption: media.caption ?? null,
    permalinkUrl: media.permalink ?? null,
    thumbnailUrl: media.thumbnail_url ?? media.media_url ?? null,
    postedAt: date(media.timestamp),
    comments: flat,
  };
}

/** Recent feed media, stories, Lives on air (each with comments and replies) and the ad media we know of. */
export async function instagramPosts(graph: MetaGraphClient, auth: GraphAuth, accountId: string, knownAdMediaIds: string[]): Promise<FetchedPost[]> {
  const feed = await graph.comments.listInstagramMedia(auth, accountId, { withComments: true, limit: RECENT_POSTS });
  const stories = await graph.comments.listInstagramMediaEdge(auth, accountId, 'stories', { withComments: true, limit: RECENT_POSTS });
  const lives = await graph.comments.listInstagramMediaEdge(auth, accountId, 'live_media', { withComments: true, limit: RECENT_POSTS });
  const posts = [
    ...feed.data.map((m) => igPost(m, accountId)),
    ...stories.data.map((m) => igPost(m, accountId, 'STORY')),
    ...lives.data.map((m) => igPost(m, accountId, 'LIVE')),
  ];
  for (const mediaId of knownAdMediaIds) {
    if (posts.some((p) => p.externalId === mediaId)) continue;
    const comments = await graph.comments.listInstagramComments(auth, mediaId, { limit: 50 });
    posts.push(igPost({ id: mediaId }, accountId, 'AD', comments.data));
  }
  return posts;
}

function fbComment(c: FbCommentWire, pageId: string, parent: string | null): FetchedComment {
  return {
    externalId: c.id,
    parentExternalId: parent,
    authorExternalId: c.from?.id ?? null,
    authorName: c.from?.name ?? null,
    authorUsername: null,
    isFromBusiness: c.from?.id === pageId,
    text: c.message ?? null,
    hidden: c.is_hidden ?? null,
    commentedAt: date(c.created_time) ?? new Date(),
  };
}

function fbPost(post: FbPostWire, pageId: string, isAd: boolean): FetchedPost {
  const flat: FetchedComment[] = [];
  for (const c of post.comments?.data ?? []) {
    flat.push(fbComment(c, pageId, null));
    for (const reply of c.comments?.data ?? []) flat.push(fbComment(reply, pageId, c.id));
  }
  return {
    externalId: post.id,
    productType: isAd ? 'AD' : 'POST',
    isAd,
    caption: post.message ?? null,
    permalinkUrl: post.permalink_url ?? null,
    thumbnailUrl: post.full_picture ?? null,
    postedAt: date(post.created_time),
    comments: flat,
  };
}

/** The Page feed and its dark ad posts, each with two levels of comments. */
export async function facebookPosts(graph: MetaGraphClient, auth: GraphAuth, pageId: string): Promise<FetchedPost[]> {
  const feed = await graph.comments.getPageFeedWithComments(auth, pageId, { limit: RECENT_POSTS });
  const ads = await graph.comments.getPageAdsPostsWithComments(auth, pageId, { limit: RECENT_POSTS });
  return [...feed.data.map((p) => fbPost(p, pageId, false)), ...ads.data.map((p) => fbPost(p, pageId, true))];
}
