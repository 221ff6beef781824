'use client';

import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MessagingErrorCode, TemplatesErrorCode, type ConversationDto, type MessageDto, type SendTemplateInput } from '@ticklegram/domain-models';
import { ApiError, describeApiError } from '../../../lib/api/api-error';
import { useAuth } from '../../auth/auth-provider';
import { inboxKeys, isStaleView, retryMessage, sendMessage, uploadFile, type SendMessageInput } from '../api';
import { optimisticId, upsertMessageInThread, type MessagePages } from '../conversation-cache';
import { optimisticMessage } from '../optimistic-message';

export interface OutgoingDraft {
  /** For a template: its body as the customer reads it (shown in the pending bubble). */
  text: string;
  files: File[];
  replyTo: MessageDto | null;
  /** A Messenger utility template instead of free text. */
  template?: SendTemplateInput;
}

export interface SendOutcome {
  ok: boolean;
  /** The api refused because new customer messages arrived since the agent looked. */
  stale?: boolean;
}

/**
 * Sends a reply: an optimistic pending bubble at once, attachments uploaded first, one
 * Idempotency-Key per send (reused when the same send is retried, so it can never go out twice).
 */
export function useSendMessage(conversation: ConversationDto | undefined, lastSeenMessageId: string | undefined) {
  const { client, user } = useAuth();
  const queryClient = useQueryClient();
  const [retrying, setRetrying] = React.useState<Record<string, boolean>>({});
  /** Drafts whose request failed before the api stored them, by client key, so Retry can resend them. */
  const unsentDrafts = React.useRef(new Map<string, { draft: OutgoingDraft; confirmStale: boolean }>());

  const patchThread = React.useCallback(
    (message: MessageDto, clientKey?: string) => {
      if (!conversation) return;
      queryClient.setQueryData<MessagePages>(inboxKeys.messages(conversation.id), (data) => upsertMessageInThread(data, message, clientKey));
    },
    [conversation, queryClient],
  );

  const deliver = React.useCallback(
    async (clientKey: string, draft: OutgoingDraft, confirmStale: boolean): Promise<SendOutcome> => {
      if (!conversation) return { ok: false };
      const pending = optimisticMessage(conversation, clientKey, draft.text, user?.id ?? null, draft.replyTo?.mid ?? null, Date.now());
      patchThread(pending, clientKey);
      unsentDrafts.current.set(clientKey, { draft, confirmStale });
      try {
        const attachmentIds: string[] = [];
        for (const file of draft.files) attachmentIds.push((await uploadFile(client, conversation.platform, file)).id);
        const input: SendMessageInput = {
          text: draft.template ? undefined : draft.text || undefined,
          template: draft.template,
          attachments: attachmentIds.length ? attachmentIds : undefined,
          replyToMid: draft.replyTo?.mid ?? undefined,
          lastSeenMessageId,
          confirmStale: confirmStale || undefined,
        };
        const { message: stored } = await sendMessage(client, conversation.id, input, clientKey);
        unsentDrafts.current.delete(clientKey);
        patchThread(stored, clientKey);
        return { ok: true };
      } catch (error) {
        if (isStaleView(error)) {
          unsentDrafts.current.delete(clientKey);
          removeOptimistic(queryClient, conversation.id, clientKey);
          void queryClient.invalidateQueries({ queryKey: inboxKeys.messages(conversation.id) });
          return { ok: false, stale: true };
        }
        patchThread({ ...pending, status: 'failed', errorMessage: explainSendError(error) }, clientKey);
        if (error instanceof ApiError && POLICY_CODES.has(error.code)) {
          // The window moved on since the banner was computed: show the current rule.
          void queryClient.invalidateQueries({ queryKey: inboxKeys.replyPolicy(conversation.id) });
        }
        return { ok: false };
      }
    },
    [client, conversation, lastSeenMessageId, patchThread, queryClient, user?.id],
  );

  /**
   * Meta takes text and attachments as separate messages: a draft with both goes out as the text
   * first, then the files (each its own send and idempotency key).
   */
  const send = React.useCallback(
    async (draft: OutgoingDraft, confirmStale = false): Promise<SendOutcome> => {
      if (!draft.text || draft.files.length === 0) return deliver(crypto.randomUUID(), draft, confirmStale);
      const first = await deliver(crypto.randomUUID(), { ...draft, files: [] }, confirmStale);
      if (!first.ok) return first.stale ? first : { ok: false };
      // The text just went out, so the view is current again for the files.
      return deliver(crypto.randomUUID(), { text: '', files: draft.files, replyTo: null }, true);
    },
    [deliver],
  );

  const retry = React.useCallback(
    async (message: MessageDto) => {
      if (!conversation) return;
      setRetrying((r) => ({ ...r, [message.id]: true }));
      try {
        const clientKey = message.id.startsWith('optimistic:') ? message.id.slice('optimistic:'.length) : null;
        const unsent = clientKey ? unsentDrafts.current.get(clientKey) : undefined;
        if (clientKey && unsent) {
          // The first request never got an answer we could keep: resend with the same key.
          await deliver(clientKey, unsent.draft, unsent.confirmStale);
        } else if (clientKey) {
          await deliver(clientKey, { text: message.text ?? '', files: [], replyTo: null }, false);
        } else {
          patchThread({ ...message, status: 'pending', errorMessage: null, errorCode: null });
          patchThread(await retryMessage(client, conversation.id, message.id));
        }
      } catch (error) {
        // the api is still checking with Meta whether the first attempt went out: show that, not "failed"
        const unconfirmed = error instanceof ApiError && error.code === MessagingErrorCode.MESSAGING_SEND_UNCONFIRMED;
        patchThread({ ...message, status: unconfirmed ? 'unknown' : 'failed', errorMessage: explainSendError(error) });
      } finally {
        setRetrying((r) => ({ ...r, [message.id]: false }));
      }
    },
    [client, conversation, deliver, patchThread],
  );

  return { send, retry, retrying };
}

function removeOptimistic(queryClient: ReturnType<typeof useQueryClient>, conversationId: string, clientKey: string): void {
  const id = optimisticId(clientKey);
  queryClient.setQueryData<MessagePages>(inboxKeys.messages(conversationId), (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((m) => m.id !== id) })) } : data,
  );
}

const POLICY_CODES = new Set<string>([
  MessagingErrorCode.MESSAGING_REPLY_BLOCKED,
  MessagingErrorCode.MESSAGING_TEMPLATE_REQUIRED,
  TemplatesErrorCode.TEMPLATE_NOT_USABLE,
]);

/** The api's field messages are already plain language ("Text and attachments go out as separate messages…"). */
function explainSendError(error: unknown): string {
  if (error instanceof ApiError && error.fieldErrors.length > 0) return error.fieldErrors.flatMap((f) => f.messages).join(' ');
  return describeApiError(error);
}
