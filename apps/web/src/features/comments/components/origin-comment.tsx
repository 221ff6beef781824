'use client';

import Link from 'next/link';
import { MessageSquareText } from 'lucide-react';
import type { CommentDto } from '@ticklegram/domain-models';

/** Above a private reply in the DM thread: the public comment the conversation started from. */
export function OriginComment({ comment }: { comment: CommentDto }) {
  return (
    <Link
      href={`/comments?status=all&c=${encodeURIComponent(comment.id)}`}
      data-testid="origin-comment"
      className="ml-auto flex max-w-md items-start gap-2 rounded-lg border border-dashed p-2 text-xs text-muted-foreground hover:bg-accent/50"
    >
      <MessageSquareText className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span className="grid">
        <span>
          Private reply to their {comment.platform === 'INSTAGRAM' ? 'Instagram' : 'Facebook'} comment{comment.source === 'ad' ? ' on an ad' : ''}:
        </span>
        <span className="line-clamp-2 text-foreground">“{comment.removed ? 'Comment removed' : comment.text}”</span>
      </span>
    </Link>
  );
}
