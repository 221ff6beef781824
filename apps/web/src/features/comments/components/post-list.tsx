'use client';

import type { CommentPostDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { useCommentPosts } from '../api';
import type { CommentFilters } from '../filters';

const TYPE_LABEL: Record<string, string> = {
  FEED: 'Post',
  REELS: 'Reel',
  STORY: 'Story',
  LIVE: 'Live',
  AD: 'Ad',
  POST: 'Post',
  VISITOR_POST: 'Visitor post',
  MENTION: 'Mention',
};

/** Posts and media with comments, most recent activity first, with their needs-reply counts. */
export function PostList({ filters, onSelect }: { filters: CommentFilters; onSelect: (postId: string | undefined) => void }) {
  const posts = useCommentPosts({ platform: filters.platform });
  return (
    <nav aria-label="Posts" className="flex min-h-0 flex-col">
      <button
        type="button"
        onClick={() => onSelect(undefined)}
        className={cn('border-b px-3 py-2 text-left text-sm font-medium hover:bg-accent/50', !filters.postId && 'bg-accent')}
        aria-current={!filters.postId ? 'true' : undefined}
      >
        All posts
      </button>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {posts.isPending ? (
          <div className="grid gap-2 p-3">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-14" />
            ))}
          </div>
        ) : posts.isError ? (
          <p className="p-3 text-sm text-destructive">{describeApiError(posts.error)}</p>
        ) : posts.data.items.length === 0 ? (
          <p className="p-3 text-sm text-muted-foreground">No posts with comments yet.</p>
        ) : (
          <ul>
            {posts.data.items.map((post) => (
              <li key={post.id}>
                <PostRow post={post} selected={filters.postId === post.externalId} onSelect={() => onSelect(post.externalId)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}

function PostRow({ post, selected, onSelect }: { post: CommentPostDto; selected: boolean; onSelect: () => void }) {
  return (
    <button
      type="button"
      onClick={onSelect}
      data-testid="comment-post"
      data-post-id={post.externalId}
      aria-current={selected ? 'true' : undefined}
      className={cn('flex w-full items-center gap-2 border-b px-3 py-2 text-left hover:bg-accent/50', selected && 'bg-accent')}
    >
      {post.thumbnailUrl ? (
        // Meta CDN thumbnails: not proxied, they expire and are refreshed by the next backfill
        <img src={post.thumbnailUrl} alt="" className="size-10 shrink-0 rounded object-cover" loading="lazy" />
      ) : (
        <span className="flex size-10 shrink-0 items-center justify-center rounded bg-muted text-[10px] font-semibold uppercase">
          {TYPE_LABEL[post.productType ?? ''] ?? 'Post'}
        </span>
      )}
      <span className="grid min-w-0 flex-1">
        <span className="truncate text-sm">{post.adTitle ?? post.caption ?? TYPE_LABEL[post.productType ?? ''] ?? 'Post'}</span>
        <span className="text-xs text-muted-foreground">
          {TYPE_LABEL[post.productType ?? ''] ?? 'Post'}
          {post.isAd && post.productType !== 'AD' ? ' · Ad' : ''}
          {post.productType === 'LIVE' ? (post.liveEnded ? ' · ended' : ' · on air') : ''} · {post.commentCount}{' '}
          {post.commentCount === 1 ? 'comment' : 'comments'}
        </span>
      </span>
      {post.needsReplyCount > 0 ? (
        <span className="rounded-full bg-primary px-2 text-xs font-semibold text-primary-foreground" title="Needs reply" data-testid="post-needs-reply">
          {post.needsReplyCount}
        </span>
      ) : null}
    </button>
  );
}
