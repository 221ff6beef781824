'use client';

import * as React from 'react';
import { Check, ChevronDown, Flag, Tag } from 'lucide-react';
import { CONVERSATION_PRIORITIES, type ConversationDto, type ConversationPriority } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '../../../components/ui/dropdown-menu';
import { describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useConversationLabels, useLabels, useSetConversationLabels, useSetPriority } from '../api';
import { PRIORITY_CLASSES, PRIORITY_LABELS } from '../priority';
import { LabelChips } from './label-chips';

/** Thread header: the conversation's labels (chips + picker) and its priority; `onUpdated` gets the changed conversation. */
export function ConversationTagsMenu({ conversation, onUpdated }: { conversation: ConversationDto; onUpdated: (conversation: ConversationDto) => void }) {
  const all = useLabels();
  const current = useConversationLabels(conversation.id);
  const setLabels = useSetConversationLabels(conversation.id);
  const setPriority = useSetPriority(conversation.id);
  const selected = new Set((current.data ?? []).map((l) => l.id));
  const priority: ConversationPriority = conversation.priority ?? 'none';

  function toggle(labelId: string) {
    const next = selected.has(labelId) ? [...selected].filter((id) => id !== labelId) : [...selected, labelId];
    setLabels.mutate(next, {
      onSuccess: onUpdated,
      onError: (error) => toast.error(describeApiError(error)),
    });
  }

  return (
    // never narrower than its two menus (it overlapped the assignee menu when it was): the chips take only the room left
    // over (their size does not count towards the header's, `contain: inline-size`); one row of them, the chips that do
    // not fit wrap out of sight
    <div className="flex flex-1 items-center justify-end gap-1">
      <LabelChips labels={current.data ?? []} className="hidden max-h-5 min-w-0 max-w-64 flex-1 overflow-hidden [contain:inline-size] @4xl:flex" />
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" className="h-8 gap-1 px-2 text-xs" aria-label="Labels" data-testid="labels-menu">
            <Tag className="size-3.5" aria-hidden />
            <ChevronDown className="size-3" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          <DropdownMenuLabel>Labels</DropdownMenuLabel>
          {(all.data ?? []).length === 0 ? (
            <p className="px-2 py-1.5 text-xs text-muted-foreground">No labels yet — an admin can add them under Settings.</p>
          ) : (
            (all.data ?? []).map((label) => (
              <DropdownMenuItem
                key={label.id}
                onSelect={(event) => {
                  event.preventDefault();
                  toggle(label.id);
                }}
                aria-checked={selected.has(label.id)}
                role="menuitemcheckbox"
              >
                <span className="size-2.5 rounded-full" style={{ backgroundColor: label.color }} aria-hidden />
                <span className="flex-1 truncate">{label.name}</span>
                {selected.has(label.id) ? <Check aria-hidden /> : null}
              </DropdownMenuItem>
            ))
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            className={cn('h-8 gap-1 px-2 text-xs', PRIORITY_CLASSES[priority])}
            aria-label={`Priority: ${PRIORITY_LABELS[priority]}`}
            data-testid="priority-menu"
          >
            <Flag className="size-3.5" aria-hidden />
            <span className="hidden @4xl:inline">{priority === 'none' ? 'Priority' : PRIORITY_LABELS[priority]}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-40">
          <DropdownMenuLabel>Priority</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={priority}
            onValueChange={(value) =>
              setPriority.mutate(value as ConversationPriority, {
                onSuccess: (updated) => onUpdated({ ...updated, labels: conversation.labels }),
                onError: (error) => toast.error(describeApiError(error)),
              })
            }
          >
            {CONVERSATION_PRIORITIES.map((p) => (
              <DropdownMenuRadioItem key={p} value={p} className={PRIORITY_CLASSES[p]}>
                {PRIORITY_LABELS[p]}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
