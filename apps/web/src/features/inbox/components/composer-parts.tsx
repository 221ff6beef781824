'use client';

import { Paperclip, X } from 'lucide-react';
import type { MessageDto } from '@ticklegram/domain-models';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '../../../components/ui/alert-dialog';
import { quoteText } from '../message-render';

/** The message being answered, above the composer's text, with a way to cancel. */
export function ComposerReplyTo({ replyTo, onClear }: { replyTo: MessageDto; onClear?: () => void }) {
  return (
    <div className="flex items-center gap-2 border-b px-3 py-1.5 text-xs text-muted-foreground" data-testid="composer-reply-to">
      <span className="font-medium text-foreground">Replying to</span>
      <span className="line-clamp-1 flex-1">{quoteText(replyTo)}</span>
      <button type="button" onClick={onClear} aria-label="Cancel reply" className="rounded-sm p-0.5 hover:text-foreground">
        <X className="size-3.5" />
      </button>
    </div>
  );
}

/** The files picked for the next message, each removable. */
export function ComposerAttachments({ files, onRemove }: { files: File[]; onRemove: (index: number) => void }) {
  if (files.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5 border-b px-3 py-2" aria-label="Attachments">
      {files.map((file, i) => (
        <li key={`${file.name}-${i}`} className="flex items-center gap-1 rounded-md bg-muted px-2 py-1 text-xs">
          <Paperclip className="size-3" aria-hidden />
          <span className="max-w-40 truncate">{file.name}</span>
          <button type="button" aria-label={`Remove ${file.name}`} onClick={() => onRemove(i)} className="rounded-sm hover:text-destructive">
            <X className="size-3" />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Asks before sending a reply written while the customer wrote again. */
export function StaleViewDialog({ open, onOpenChange, onSendAnyway }: { open: boolean; onOpenChange: (open: boolean) => void; onSendAnyway: () => void }) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent data-testid="stale-view-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>New messages arrived</AlertDialogTitle>
          <AlertDialogDescription>
            The customer wrote again since you started this reply (they are shown in the thread now). Send your reply anyway, or go back and read them first?
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Review first</AlertDialogCancel>
          <AlertDialogAction onClick={onSendAnyway}>Send anyway</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
