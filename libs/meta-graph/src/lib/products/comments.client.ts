import { GraphHttpClient } from '../core/graph-http.client';
import { GraphPage, paginate } from '../core/pagination';
import { GraphAuth } from './graph-auth';
import { hostOf } from './messaging.client';

/**
 * Instagram media + comments and Facebook feed + comments (legacy inventory "Instagram Profiles,
 * Comments & Mentions" and "Facebook Comments & Feed").
 */

export interface IgCommentWire {
  id: string;
  text?: string;
  username?: string;
  timestamp?: string;
  like_count?: number;
  hidden?: boolean;
  parent_id?: string;
  from?: { id: string; username?: string };
  user?: { id: string };
  media?: { id: string; media_product_type?: string };
  replies?: GraphPage<IgCommentWire>;
}

export interface IgMediaWire {
  id: string;
  caption?: string;
  media_type?: string;
  media_product_type?: string;
  media_url?: string;
  thumbnail_url?: string;
  permalink?: string;
  timestamp?: string;
  like_count?: number;
  comments_count?: number;
  username?: string;
  comments?: GraphPage<IgCommentWire>;
}

export interface FbFromWire {
  id: string;
  name?: string;
  picture?: { data?: { url?: string } };
}

export interface FbCommentWire {
  id: string;
  message?: string;
  created_time?: string;
  from?: FbFromWire;
  comment_count?: number;
  permalink_url?: string;
  is_hidden?: boolean;
  can_hide?: boolean;
  parent?: { id: string };
  attachment?: Record<string, unknown>;
  reactions?: { summary?: { total_count?: number } };
  comments?: GraphPage<FbCommentWire> & { summary?: { total_count?: number } };
}

export interface FbPostWire {
  id: string;
  message?: string;
  created_time?: string;
  permalink_url?: string;
  full_picture?: string;
  status_type?: string;
  attachments?: GraphPage<Record<string, unknown>>;
  reactions?: { summary?: { total_count?: number } };
  likes?: { summary?: { total_count?: number } };
  comments?: GraphPage<FbCommentWire> & { summary?: { total_count?: number } };
}

export const IG_COMMENT_FIELDS = 'id,text,username,timestamp,like_count,hidden,parent_id,from{id,username}';
export const IG_COMMENT_DETAIL_FIELDS = 'id,text,username,timestamp,like_count,hidden,parent_id,from{id,username},user,media{id,media_product_type}';
export const IG_MEDIA_FIELDS = 'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,like_count,comments_count,username';
const IG_MEDIA_WITH_COMMENTS_FIELDS = `${IG_MEDIA_FIELDS},comments.limit(50){${IG_COMMENT_FIELDS},replies.limit(50){${IG_COMMENT_FIELDS}}}`;

const FB_COMMENT_BASE =
  'id,message,created_time,from{id,name,picture{url}},comment_count,permalink_url,is_hidden,can_hide,parent{id},attachment,reactions.summary(total_count)';
export const FB_COMMENT_FIELDS = `${FB_COMMENT_BASE},comments.summary(total_count)`;
export const FB_POST_FIELDS =
  'id,message,created_time,permalink_url,full_picture,status_type,attachments{media_type,url,media,title},reactions.summary(total_count),comments.summary(true).limit(0)';
const FB_FEED_WITH_COMMENTS_FIELDS = `id,message,created_time,permalink_url,full_picture,status_type,reactions.summary(total_count),comments.limit(25).summary(true){${FB_COMMENT_BASE},comments.limit(25){${FB_COMMENT_BASE}}}`;

export interface PageQuery {
  limit?: number;
  /** Cursor from a previous page's `paging.cursors.after`. */
  after?: string;
  fields?: string;
}

export class CommentsClient {
  constructor(private readonly http: GraphHttpClient) {}

  // ---------- Instagram ----------

  /** `GET /<IG_ID>/media` — media of the professional account, optionally with comments and replies. */
  async listInstagramMedia(auth: GraphAuth, igUserId: string, query: PageQuery & { withComments?: boolean } = {}): Promise<GraphPage<IgMediaWire>> {
    return this.get<GraphPage<IgMediaWire>>(auth, `/${enc(igUserId)}/media`, {
      fields: query.fields ?? (query.withComments ? IG_MEDIA_WITH_COMMENTS_FIELDS : IG_MEDIA_FIELDS),
      limit: query.limit,
      after: query.after,
    });
  }

  iterateInstagramMedia(auth: GraphAuth, igUserId: string, query: Omit<PageQuery, 'after'> & { withComments?: boolean } = {}): AsyncGenerator<IgMediaWire> {
    return paginate((c) =>
      this.get<GraphPage<IgMediaWire>>(auth, `/${enc(igUserId)}/media`, {
        fields: query.fields ?? (query.withComments ? IG_MEDIA_WITH_COMMENTS_FIELDS : IG_MEDIA_FIELDS),
        limit: query.limit,
        ...c,
      }),
    );
  }

  /** `GET /<IG_ID>/live_media` (broadcasts on air) or `/stories` (unexpired stories), optionally with comments. */
  async listInstagramMediaEdge(
    auth: GraphAuth,
    igUserId: string,
    edge: 'live_media' | 'stories',
    query: PageQuery & { withComments?: boolean } = {},
  ): Promise<GraphPage<IgMediaWire>> {
    return this.get<GraphPage<IgMediaWire>>(auth, `/${enc(igUserId)}/${edge}`, {
      fields: query.fields ?? (query.withComments ? IG_MEDIA_WITH_COMMENTS_FIELDS : IG_MEDIA_FIELDS),
      limit: query.limit,
      after: query.after,
    });
  }

  async getInstagramMedia(auth: GraphAuth, mediaId: string, fields = IG_MEDIA_FIELDS): Promise<IgMediaWire> {
    return this.get<IgMediaWire>(auth, `/${enc(mediaId)}`, { fields });
  }

  /** `GET /<MEDIA_ID>/comments` — top-level comments with their replies. */
  async listInstagramComments(auth: GraphAuth, mediaId: string, query: PageQuery = {}): Promise<GraphPage<IgCommentWire>> {
    return this.get<GraphPage<IgCommentWire>>(auth, `/${enc(mediaId)}/comments`, {
      fields: query.fields ?? `${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}`,
      limit: query.limit,
      after: query.after,
    });
  }

  iterateInstagramComments(auth: GraphAuth, mediaId: string, query: Omit<PageQuery, 'after'> = {}): AsyncGenerator<IgCommentWire> {
    return paginate((c) => this.listInstagramComments(auth, mediaId, { ...query, ...c }));
  }

  /** `GET /<COMMENT_ID>/replies`. */
  async listInstagramReplies(auth: GraphAuth, commentId: string, query: PageQuery = {}): Promise<GraphPage<IgCommentWire>> {
    return this.get<GraphPage<IgCommentWire>>(auth, `/${enc(commentId)}/replies`, {
      fields: query.fields ?? IG_COMMENT_FIELDS,
      limit: query.limit,
      after: query.after,
    });
  }

  /** `GET /<COMMENT_ID>?fields=…` — author and parent media of one comment. */
  async getInstagramComment(auth: GraphAuth, commentId: string, fields = IG_COMMENT_DETAIL_FIELDS): Promise<IgCommentWire> {
    return this.get<IgCommentWire>(auth, `/${enc(commentId)}`, { fields });
  }

  /** `POST /<COMMENT_ID>/replies` — public reply under a comment. */
  async replyToInstagramComment(auth: GraphAuth, commentId: string, message: string): Promise<{ id: string }> {
    return this.post<{ id: string }>(auth, `/${enc(commentId)}/replies`, { message });
  }

  /** `POST /<MEDIA_ID>/comments` — a new top-level comment on the account's own media. */
  async createInstagramComment(auth: GraphAuth, mediaId: string, message: string): Promise<{ id: string }> {
    return this.post<{ id: string }>(auth, `/${enc(mediaId)}/comments`, { message });
  }

  /** `POST /<COMMENT_ID>` with `hide=true|false`. */
  async setInstagramCommentHidden(auth: GraphAuth, commentId: string, hidden: boolean): Promise<{ success: boolean }> {
    return this.post<{ success: boolean }>(auth, `/${enc(commentId)}`, { hide: hidden }, true);
  }

  hideInstagramComment(auth: GraphAuth, commentId: string): Promise<{ success: boolean }> {
    return this.setInstagramCommentHidden(auth, commentId, true);
  }

  unhideInstagramComment(auth: GraphAuth, commentId: string): Promise<{ success: boolean }> {
    return this.setInstagramCommentHidden(auth, commentId, false);
  }

  /** `DELETE /<COMMENT_ID>`. */
  async deleteInstagramComment(auth: GraphAuth, commentId: string): Promise<{ success: boolean }> {
    return this.del<{ success: boolean }>(auth, `/${enc(commentId)}`);
  }

  /**
   * Media in which the account was @mentioned in the caption:
   * `GET /<IG_ID>?fields=mentioned_media.media_id(<MEDIA_ID>){…}` (the id comes from a `mentions` webhook).
   */
  async getMentionedMedia(
    auth: GraphAuth,
    igUserId: string,
    mediaId: string,
    fields = 'id,caption,media_type,media_url,permalink,timestamp,username,like_count,comments_count',
  ): Promise<IgMediaWire | undefined> {
    const res = await this.get<{ id: string; mentioned_media?: IgMediaWire }>(auth, `/${enc(igUserId)}`, {
      fields: `mentioned_media.media_id(${mediaId}){${fields}}`,
    });
    return res.mentioned_media;
  }

  /** Comment in which the account was @mentioned: `GET /<IG_ID>?fields=mentioned_comment.comment_id(<ID>){…}`. */
  async getMentionedComment(
    auth: GraphAuth,
    igUserId: string,
    commentId: string,
    fields = 'id,text,timestamp,like_count,media{id,permalink}',
  ): Promise<IgCommentWire | undefined> {
    const res = await this.get<{ id: string; mentioned_comment?: IgCommentWire }>(auth, `/${enc(igUserId)}`, {
      fields: `mentioned_comment.comment_id(${commentId}){${fields}}`,
    });
    return res.mentioned_comment;
  }

  /** `GET /<IG_ID>/tags` — media the account is tagged in. */
  async listTaggedMedia(auth: GraphAuth, igUserId: string, query: PageQuery = {}): Promise<GraphPage<IgMediaWire>> {
    return this.get<GraphPage<IgMediaWire>>(auth, `/${enc(igUserId)}/tags`, {
      fields: query.fields ?? 'id,caption,media_type,media_url,permalink,timestamp,username',
      limit: query.limit,
      after: query.after,
    });
  }

  // ---------- Facebook ----------

  /** `GET /<PAGE_ID>/feed` with two levels of comments — the legacy comment polling call. */
  async getPageFeedWithComments(auth: GraphAuth, pageId: string, query: PageQuery = {}): Promise<GraphPage<FbPostWire>> {
    return this.get<GraphPage<FbPostWire>>(auth, `/${enc(pageId)}/feed`, {
      fields: query.fields ?? FB_FEED_WITH_COMMENTS_FIELDS,
      limit: query.limit ?? 25,
      after: query.after,
    });
  }

  /** `GET /<PAGE_ID>/ads_posts` — the Page's dark ad posts (not in the feed), with two levels of comments. */
  async getPageAdsPostsWithComments(auth: GraphAuth, pageId: string, query: PageQuery = {}): Promise<GraphPage<FbPostWire>> {
    return this.get<GraphPage<FbPostWire>>(auth, `/${enc(pageId)}/ads_posts`, {
      fields: query.fields ?? FB_FEED_WITH_COMMENTS_FIELDS,
      limit: query.limit ?? 25,
      after: query.after,
    });
  }

  /** `GET /<POST_ID>` — one Facebook post (caption, picture, permalink). */
  async getFacebookPost(auth: GraphAuth, postId: string, fields = 'id,message,created_time,permalink_url,full_picture,status_type'): Promise<FbPostWire> {
    return this.get<FbPostWire>(auth, `/${enc(postId)}`, { fields });
  }

  iteratePageFeed(auth: GraphAuth, pageId: string, query: Omit<PageQuery, 'after'> = {}): AsyncGenerator<FbPostWire> {
    return paginate((c) => this.getPageFeedWithComments(auth, pageId, { ...query, ...c }));
  }

  /** `GET /<PAGE_ID>/posts` — the Page's own posts with counts. */
  async listPagePosts(auth: GraphAuth, pageId: string, query: PageQuery = {}): Promise<GraphPage<FbPostWire>> {
    return this.get<GraphPage<FbPostWire>>(auth, `/${enc(pageId)}/posts`, {
      fields: query.fields ?? FB_POST_FIELDS,
      limit: query.limit ?? 25,
      after: query.after,
    });
  }

  /** `GET /<POST_ID>/comments` — top-level comments, newest first. */
  async listPostComments(
    auth: GraphAuth,
    postId: string,
    query: PageQuery & { filter?: 'toplevel' | 'stream'; order?: 'chronological' | 'reverse_chronological' } = {},
  ): Promise<GraphPage<FbCommentWire>> {
    return this.get<GraphPage<FbCommentWire>>(auth, `/${enc(postId)}/comments`, {
      fields: query.fields ?? FB_COMMENT_FIELDS,
      limit: query.limit ?? 100,
      filter: query.filter ?? 'toplevel',
      order: query.order ?? 'reverse_chronological',
      after: query.after,
    });
  }

  iteratePostComments(
    auth: GraphAuth,
    postId: string,
    query: Omit<PageQuery, 'after'> & { filter?: 'toplevel' | 'stream'; order?: 'chronological' | 'reverse_chronological' } = {},
  ): AsyncGenerator<FbCommentWire> {
    return paginate((c) => this.listPostComments(auth, postId, { ...query, ...c }));
  }

  /** `GET /<COMMENT_ID>/comments` — replies to a Facebook comment. */
  async listFacebookCommentReplies(auth: GraphAuth, commentId: string, query: PageQuery = {}): Promise<GraphPage<FbCommentWire>> {
    return this.get<GraphPage<FbCommentWire>>(auth, `/${enc(commentId)}/comments`, {
      fields: query.fields ?? FB_COMMENT_BASE,
      limit: query.limit ?? 100,
      after: query.after,
    });
  }

  /** `GET /<COMMENT_ID>` on Facebook. */
  async getFacebookComment(auth: GraphAuth, commentId: string, fields = FB_COMMENT_FIELDS): Promise<FbCommentWire> {
    return this.get<FbCommentWire>(auth, `/${enc(commentId)}`, { fields });
  }

  /** `POST /<COMMENT_ID>/comments` — public reply as the Page. */
  async replyToFacebookComment(auth: GraphAuth, commentId: string, message: string): Promise<{ id: string }> {
    return this.post<{ id: string }>(auth, `/${enc(commentId)}/comments`, { message });
  }

  /** `POST /<COMMENT_ID>` with `is_hidden`. */
  async setFacebookCommentHidden(auth: GraphAuth, commentId: string, hidden: boolean): Promise<{ success: boolean }> {
    return this.post<{ success: boolean }>(auth, `/${enc(commentId)}`, { is_hidden: hidden }, true);
  }

  /** `DELETE /<COMMENT_ID>` on Facebook. */
  async deleteFacebookComment(auth: GraphAuth, commentId: string): Promise<{ success: boolean }> {
    return this.del<{ success: boolean }>(auth, `/${enc(commentId)}`);
  }

  // ---------- plumbing ----------

  private async get<T>(auth: GraphAuth, path: string, query: Record<string, string | number | undefined>): Promise<T> {
    const res = await this.http.request<T>({ method: 'GET', host: hostOf(auth), path, accessToken: auth.accessToken, query, accountKey: auth.accountKey });
    return res.data;
  }

  private async post<T>(auth: GraphAuth, path: string, body: Record<string, unknown>, idempotent = false): Promise<T> {
    const res = await this.http.request<T>({
      method: 'POST',
      host: hostOf(auth),
      path,
      accessToken: auth.accessToken,
      body,
      accountKey: auth.accountKey,
      idempotent,
    });
    return res.data;
  }

  private async del<T>(auth: GraphAuth, path: string): Promise<T> {
    // Deleting twice is harmless (the second answers "does not exist"), so a timeout may be retried.
    const res = await this.http.request<T>({
      method: 'DELETE',
      host: hostOf(auth),
      path,
      accessToken: auth.accessToken,
      accountKey: auth.accountKey,
      idempotent: true,
    });
    return res.data;
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}
