'use client';

import { INSIGHT_MEDIA_SORTS, type InsightMediaSort, type MediaInsightDto } from '@ticklegram/domain-models';
import { Clapperboard, ExternalLink, Image as ImageIcon, Layers } from 'lucide-react';
import * as React from 'react';
import { Badge } from '../../../components/ui/badge';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../components/ui/select';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { useMediaInsights } from '../api';
import { formatCount, MEDIA_SORT_LABEL } from '../format';

function Thumbnail({ item }: { item: MediaInsightDto }) {
  const [broken, setBroken] = React.useState(false);
  const Icon = item.productType === 'REELS' ? Clapperboard : item.mediaType === 'CAROUSEL_ALBUM' ? Layers : ImageIcon;
  if (!item.thumbnailUrl || broken) {
    return (
      <div className="flex aspect-square w-full items-center justify-center bg-muted text-muted-foreground">
        <Icon className="size-8" aria-hidden />
      </div>
    );
  }
  // Meta's CDN links are signed and expire: on error the icon above takes the image's place
  return (
    <img
      src={item.thumbnailUrl}
      alt=""
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setBroken(true)}
      className="aspect-square w-full object-cover"
    />
  );
}

function PostCard({ item }: { item: MediaInsightDto }) {
  const figures: [string, number | null][] = [
    ['Views', item.views],
    ['Reach', item.reach],
    ['Interactions', item.totalInteractions],
    ['Saves', item.saves],
  ];
  return (
    <li className="overflow-hidden rounded-xl border bg-card" data-testid="insights-post">
      <div className="relative">
        <Thumbnail item={item} />
        <Badge variant="secondary" className="absolute left-2 top-2">
          {item.productType === 'REELS' ? 'Reel' : item.mediaType === 'CAROUSEL_ALBUM' ? 'Carousel' : item.productType === 'AD' ? 'Ad' : 'Post'}
        </Badge>
      </div>
      <div className="space-y-2 p-3">
        <p className="line-clamp-2 min-h-10 text-sm">{item.caption ?? <span className="text-muted-foreground">No caption</span>}</p>
        {item.unavailableReason ? (
          <p className="text-xs text-muted-foreground">{item.unavailableReason}</p>
        ) : (
          <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {figures.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-2">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="font-medium tabular-nums">{formatCount(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="flex items-center justify-between text-xs text-muted-foreground">
          <time dateTime={item.postedAt}>{new Date(item.postedAt).toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric' })}</time>
          {item.permalink && (
            <a
              href={item.permalink}
              target="_blank"
              rel="noreferrer noopener"
              className="inline-flex items-center gap-1 rounded hover:text-foreground focus-visible:outline-2"
            >
              Open <ExternalLink className="size-3" aria-hidden />
            </a>
          )}
        </div>
      </div>
    </li>
  );
}

/** The account's posts, reels and carousels, best first by the chosen metric. */
export function TopPosts({ channelId, sort, onSortChange }: { channelId: string; sort: InsightMediaSort; onSortChange: (sort: InsightMediaSort) => void }) {
  const media = useMediaInsights(channelId, sort);
  return (
    <section aria-labelledby="insights-top-posts" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="insights-top-posts" className="text-lg font-semibold">
          Top posts
        </h2>
        <Select value={sort} onValueChange={(value) => onSortChange(value as InsightMediaSort)}>
          <SelectTrigger className="w-44" aria-label="Sort posts by" data-testid="insights-sort">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {INSIGHT_MEDIA_SORTS.map((value) => (
              <SelectItem key={value} value={value}>
                {value === 'posted_at' ? MEDIA_SORT_LABEL[value] : `Most ${MEDIA_SORT_LABEL[value].toLowerCase()}`}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {media.isPending ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="aspect-[3/4] w-full" />
          ))}
        </div>
      ) : media.isError ? (
        <p role="alert" className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">
          Couldn&apos;t load posts: {describeApiError(media.error)}
        </p>
      ) : media.data.items.length === 0 ? (
        <p className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">No posts synced yet. They appear after the next sync.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-4" data-testid="insights-posts">
          {media.data.items.map((item) => (
            <PostCard key={item.mediaId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
