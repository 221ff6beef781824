'use client';

import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { CheckCircle2, ChevronDown, UserRound } from 'lucide-react';
import { Role, type ConversationDto, type ConversationStateResponse, type ConversationStatus } from '@ticklegram/domain-models';
import { describeApiError } from '../../../lib/api/api-error';
import { Button } from '../../../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../../components/ui/dropdown-menu';
import { useAuth } from '../../auth/auth-provider';
import { applyConversationUpdate } from '../cache-updates';
import { assignConversation, inboxKeys, listOnlineUsers, updateConversationStatus } from '../api';

const STATUS_LABELS: Record<ConversationStatus, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' };

/** Assignee and status controls in the thread header. */
export function ConversationActions({ conversation }: { conversation: ConversationDto }) {
  const { client, user } = useAuth();
  const queryClient = useQueryClient();
  const isAdmin = user?.role === Role.ADMIN;
  const onDone = (result: ConversationStateResponse) => applyConversationUpdate(queryClient, result.conversation, user?.id ?? null);

  const online = useQuery({
    queryKey: inboxKeys.onlineTeammates(),
    queryFn: async ({ signal }) => {
      return (await listOnlineUsers(client, signal)).users;
    },
    enabled: isAdmin,
    staleTime: 30_000,
  });

  const assign = useMutation({
    mutationFn: (assigneeId: string | null) => assignConversation(client, conversation.id, assigneeId),
    onSuccess: onDone,
    onError: (error) => toast.error(describeApiError(error)),
  });
  const setStatus = useMutation({
    mutationFn: ({ status, until }: { status: ConversationStatus; until?: string }) => updateConversationStatus(client, conversation.id, status, until),
    onSuccess: (result) => {
      onDone(result);
      toast.success(`Marked ${STATUS_LABELS[result.conversation.status].toLowerCase()}`);
    },
    onError: (error) => toast.error(describeApiError(error)),
  });

  const mine = conversation.assigneeId !== null && conversation.assigneeId === user?.id;
  const assigneeLabel =
    conversation.assigneeId === null ? 'Unassigned' : mine ? 'You' : (online.data?.find((u) => u.userId === conversation.assigneeId)?.name ?? 'Teammate');
  // Agents may take unassigned conversations and hand over their own; admins may do anything.
  const canTake = conversation.assigneeId === null || isAdmin;
  const canUnassign = conversation.assigneeId !== null && (mine || isAdmin);

  return (
    <div className="flex shrink-0 items-center gap-1">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            className="h-8 gap-1.5 px-2 text-xs"
            data-testid="assignee-menu"
            disabled={assign.isPending}
            aria-label={`Assignee: ${assigneeLabel}`}
            title={`Assignee: ${assigneeLabel}`}
          >
            <UserRound className="size-3.5" aria-hidden />
            {/* the name from 1400 px (the list shows it too): below, the header's menus would not fit beside the list */}
            <span className="hidden max-w-24 truncate min-[1400px]:inline">{assigneeLabel}</span>
            <ChevronDown className="size-3" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          <DropdownMenuLabel>Assignee</DropdownMenuLabel>
          <DropdownMenuItem disabled={!canTake || mine} onSelect={() => user && assign.mutate(user.id)}>
            Assign to me
          </DropdownMenuItem>
          <DropdownMenuItem disabled={!canUnassign} onSelect={() => assign.mutate(null)}>
            Unassign
          </DropdownMenuItem>
          {isAdmin && (online.data ?? []).some((u) => u.userId !== user?.id) ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Online teammates</DropdownMenuLabel>
              {(online.data ?? [])
                .filter((u) => u.userId !== user?.id)
                .map((u) => (
                  <DropdownMenuItem key={u.userId} disabled={u.userId === conversation.assigneeId} onSelect={() => assign.mutate(u.userId)}>
                    {u.name}
                  </DropdownMenuItem>
                ))}
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" className="h-8 gap-1.5 px-2 text-xs" data-testid="status-menu" disabled={setStatus.isPending}>
            <CheckCircle2 className="size-3.5" aria-hidden />
            {STATUS_LABELS[conversation.status]}
            <ChevronDown className="size-3" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          <DropdownMenuLabel>Status</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={conversation.status}
            onValueChange={(value) => {
              const status = value as ConversationStatus;
              if (status === 'snoozed') return;
              setStatus.mutate({ status });
            }}
          >
            <DropdownMenuRadioItem value="open">Open</DropdownMenuRadioItem>
            <DropdownMenuRadioItem value="pending">Pending</DropdownMenuRadioItem>
            <DropdownMenuRadioItem value="resolved">Resolved</DropdownMenuRadioItem>
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Snooze until</DropdownMenuLabel>
          <DropdownMenuItem onSelect={() => setStatus.mutate({ status: 'snoozed', until: new Date(Date.now() + 3_600_000).toISOString() })}>
            In 1 hour
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setStatus.mutate({ status: 'snoozed', until: tomorrowMorning().toISOString() })}>Tomorrow, 9:00</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}

function tomorrowMorning(): Date {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date;
}
