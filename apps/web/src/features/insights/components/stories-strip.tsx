'use client';

import type { StoryInsightDto } from '@ticklegram/domain-models';
import { CircleDashed } from 'lucide-react';
import * as React from 'react';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { useStoryInsights } from '../api';
import { formatCount } from '../format';

function StoryTile({ story }: { story: StoryInsightDto }) {
  const [broken, setBroken] = React.useState(false);
  const m = story.metrics;
  const figures: [string, number | undefined][] = [
    ['Views', m['views']],
    ['Reach', m['reach']],
    ['Replies', m['replies']],
  ];
  // navigation counts come with Meta's final report (the story_insights webhook)
  if (m['taps_forward'] !== undefined) figures.push(['Forward taps', m['taps_forward']]);
  if (m['exits'] !== undefined) figures.push(['Exits', m['exits']]);
  return (
    <li className="w-36 shrink-0 overflow-hidden rounded-xl border bg-card" data-testid="insights-story">
      {story.thumbnailUrl && !broken ? (
        <img
          src={story.thumbnailUrl}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setBroken(true)}
          className="aspect-[9/16] h-40 w-full object-cover"
        />
      ) : (
        <div className="flex h-40 w-full items-center justify-center bg-muted text-muted-foreground">
          <CircleDashed className="size-7" aria-hidden />
        </div>
      )}
      <dl className="space-y-0.5 p-2 text-xs">
        {figures.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-2">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="font-medium tabular-nums" title={value === undefined ? 'Not reported: Meta withholds story values under 5' : undefined}>
              {formatCount(value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="px-2 pb-2 text-[11px] text-muted-foreground">
        {story.postedAt ? new Date(story.postedAt).toLocaleDateString('en', { month: 'short', day: 'numeric' }) : 'Expired'} ·{' '}
        {story.source === 'webhook' ? 'final' : 'live'}
      </p>
    </li>
  );
}

/** Stories, newest first: metrics fetched while live, replaced by Meta's final figures when the story expires. */
export function StoriesStrip({ channelId }: { channelId: string }) {
  const stories = useStoryInsights(channelId);
  return (
    <section aria-labelledby="insights-stories" className="space-y-3">
      <h2 id="insights-stories" className="text-lg font-semibold">
        Stories
      </h2>
      {stories.isPending ? (
        <Skeleton className="h-56 w-full" />
      ) : stories.isError ? (
        <p role="alert" className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">
          Couldn&apos;t load stories: {describeApiError(stories.error)}
        </p>
      ) : stories.data.items.length === 0 ? (
        <p className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">
          No stories yet. Meta keeps story metrics for 24 hours; we save them while the story is live.
        </p>
      ) : (
        <ul className="flex gap-3 overflow-x-auto pb-2" data-testid="insights-stories" tabIndex={0} aria-label="Stories">
          {stories.data.items.map((story) => (
            <StoryTile key={story.mediaId} story={story} />
          ))}
        </ul>
      )}
    </section>
  );
}
