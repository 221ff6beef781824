'use client';

import * as React from 'react';
import { FileText, ImageOff, Link2, MapPin, Play } from 'lucide-react';
import type { MessageAttachmentDto } from '@ticklegram/domain-models';
import { Dialog, DialogContent, DialogTitle } from '../../../components/ui/dialog';
import { Skeleton } from '../../../components/ui/skeleton';
import { useMediaUrl } from '../hooks/use-inbox-queries';
import { attachmentView } from '../message-render';

function MediaMissing({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-2 rounded-lg border border-dashed px-3 py-2 text-xs text-muted-foreground">
      <ImageOff className="size-4" aria-hidden />
      {label}
    </div>
  );
}

function ImageWithLightbox({ src, alt }: { src: string | null; alt: string }) {
  const media = useMediaUrl(src);
  const [open, setOpen] = React.useState(false);
  if (media.loading) return <Skeleton className="h-40 w-56 rounded-lg" />;
  if (!media.url || media.error) return <MediaMissing label="Image no longer available" />;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="block overflow-hidden rounded-lg outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        aria-label="Open image"
      >
        <img src={media.url} alt={alt} className="max-h-64 min-h-16 max-w-64 min-w-16 bg-muted object-cover" loading="lazy" />
      </button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-w-[min(90vw,64rem)] border-none bg-transparent p-0 shadow-none sm:max-w-[min(90vw,64rem)]" data-testid="image-lightbox">
          <DialogTitle className="sr-only">Image</DialogTitle>
          <img src={media.url} alt={alt} className="max-h-[85vh] w-full rounded-lg object-contain" />
        </DialogContent>
      </Dialog>
    </>
  );
}

function Player({ src, kind }: { src: string | null; kind: 'video' | 'audio' }) {
  const media = useMediaUrl(src);
  if (media.loading) return <Skeleton className={kind === 'video' ? 'h-40 w-64 rounded-lg' : 'h-10 w-64 rounded-full'} />;
  if (!media.url || media.error) return <MediaMissing label={kind === 'video' ? 'Video no longer available' : 'Voice message no longer available'} />;
  return kind === 'video' ? (
    <video src={media.url} controls preload="metadata" className="max-h-72 max-w-72 rounded-lg bg-black" />
  ) : (
    <audio src={media.url} controls preload="metadata" className="w-64 max-w-full" />
  );
}

function FileLink({ src, name }: { src: string | null; name: string }) {
  const media = useMediaUrl(src);
  if (!media.url) return <MediaMissing label={media.loading ? 'Loading file…' : `${name} (no longer available)`} />;
  return (
    <a
      href={media.url}
      download={name}
      target="_blank"
      rel="noreferrer"
      className="flex items-center gap-2 rounded-lg border bg-background/60 px-3 py-2 text-sm hover:bg-accent"
    >
      <FileText className="size-4 shrink-0" aria-hidden />
      <span className="truncate">{name}</span>
    </a>
  );
}

function SmallImage({ src, alt, className }: { src: string | null; alt: string; className: string }) {
  const media = useMediaUrl(src);
  const [broken, setBroken] = React.useState(false);
  // Shares often link to a page rather than an image: show nothing instead of a broken picture.
  if (!media.url || broken) return null;
  return <img src={media.url} alt={alt} className={className} loading="lazy" onError={() => setBroken(true)} />;
}

/** One attachment inside a bubble, drawn according to {@link attachmentView}. */
export function MessageAttachment({ attachment }: { attachment: MessageAttachmentDto }) {
  const view = attachmentView(attachment);
  switch (view.kind) {
    case 'image':
      return <ImageWithLightbox src={view.src} alt={view.alt} />;
    case 'video':
    case 'audio':
      return <Player src={view.src} kind={view.kind} />;
    case 'file':
      return <FileLink src={view.src} name={view.name} />;
    case 'sticker':
      return view.src ? <SmallImage src={view.src} alt="Sticker" className="size-24 object-contain" /> : <span className="text-3xl">👍</span>;
    case 'story_mention':
      return (
        <div className="grid gap-1.5" data-testid="story-mention">
          <span className="text-xs font-medium opacity-80">Mentioned you in their story</span>
          {view.expired ? (
            <div className="flex h-32 w-24 items-center justify-center rounded-lg border border-dashed p-2 text-center text-xs text-muted-foreground">
              Story expired
            </div>
          ) : (
            <StoryPreview src={view.src} />
          )}
        </div>
      );
    case 'shared_post':
      return (
        <div className="w-60 overflow-hidden rounded-lg border bg-background/60 text-foreground" data-testid="shared-post">
          {view.src ? <SmallImage src={view.src} alt={view.label} className="h-40 w-full object-cover" /> : null}
          <div className="flex items-center gap-2 px-3 py-2 text-xs">
            {view.src ? null : <Play className="size-3.5" aria-hidden />}
            <span className="font-medium">{view.label}</span>
            {view.link ? (
              <a href={view.link} target="_blank" rel="noreferrer" className="ml-auto text-primary hover:underline">
                Open
              </a>
            ) : null}
          </div>
          {view.title ? <p className="line-clamp-2 px-3 pb-2 text-xs text-muted-foreground">{view.title}</p> : null}
        </div>
      );
    case 'location':
      return (
        <a
          href={view.link ?? undefined}
          target="_blank"
          rel="noreferrer"
          className="flex items-center gap-2 rounded-lg border bg-background/60 px-3 py-2 text-sm text-foreground"
        >
          <MapPin className="size-4" aria-hidden />
          {view.label}
        </a>
      );
    case 'card':
      return (
        <div className="w-60 overflow-hidden rounded-lg border bg-background/60 text-foreground">
          {view.image ? <SmallImage src={view.image} alt="" className="h-32 w-full object-cover" /> : null}
          <div className="px-3 py-2">
            <p className="flex items-center gap-1.5 text-sm font-medium">
              <Link2 className="size-3.5" aria-hidden />
              {view.title}
            </p>
            {view.subtitle ? <p className="mt-0.5 text-xs text-muted-foreground">{view.subtitle}</p> : null}
          </div>
        </div>
      );
    case 'unsupported':
      return <MediaMissing label={view.label} />;
  }
}

export function StoryPreview({ src }: { src: string | null }) {
  const media = useMediaUrl(src);
  if (media.loading) return <Skeleton className="h-32 w-24 rounded-lg" />;
  if (!media.url || media.error) {
    return (
      <div className="flex h-32 w-24 items-center justify-center rounded-lg border border-dashed p-2 text-center text-xs text-muted-foreground">
        Story expired
      </div>
    );
  }
  return <img src={media.url} alt="Story" className="h-32 w-24 rounded-lg object-cover" onError={(e) => (e.currentTarget.style.display = 'none')} />;
}
