'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnect, useRealtimeEvent } from '../realtime/use-realtime';
import { applyOutcomeUpdate, capiKeys } from './api';

/**
 * Outcomes and the Conversions API log live: `capi.outcome_updated` updates the conversation's outcomes
 * (the ad card) and attribution; `capi.event_updated` refreshes the event log (admins get it).
 */
export function useCapiLiveUpdates(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('capi.outcome_updated', ({ outcome }) => {
    applyOutcomeUpdate(queryClient, outcome);
    void queryClient.invalidateQueries({ queryKey: capiKeys.allAttribution() });
  });
  useRealtimeEvent('capi.event_updated', () => void queryClient.invalidateQueries({ queryKey: capiKeys.allEvents() }));
  useRealtimeConnect(() => void queryClient.invalidateQueries({ queryKey: capiKeys.all }));
}
