'use client';

import { useQueryClient } from '@tanstack/react-query';
import * as React from 'react';
import { TemplateStatus, type MessageTemplateDto } from '@ticklegram/domain-models';
import { inboxKeys } from '../inbox/api';
import { templateKeys } from './api';

const REVIEW_POLL_MS = 3_000;

/**
 * Keeps the template list current while Meta reviews: as long as a template is in review, the list is
 * read again every few seconds, and open reply policies are refetched when a status changed (the
 * templates a conversation can use changed with it).
 */
export function useTemplateLiveUpdates(templates: readonly MessageTemplateDto[] | undefined): void {
  const queryClient = useQueryClient();
  const inReview = templates?.some((t) => t.status === TemplateStatus.PENDING) ?? false;
  const statuses = templates?.map((t) => `${t.id}:${t.status}`).join(',') ?? '';
  const previous = React.useRef(statuses);

  React.useEffect(() => {
    if (!inReview) return;
    const handle = setInterval(() => void queryClient.invalidateQueries({ queryKey: templateKeys.list() }), REVIEW_POLL_MS);
    return () => clearInterval(handle);
  }, [inReview, queryClient]);

  React.useEffect(() => {
    if (previous.current && previous.current !== statuses) void queryClient.invalidateQueries({ queryKey: inboxKeys.replyPolicies() });
    previous.current = statuses;
  }, [statuses, queryClient]);
}
