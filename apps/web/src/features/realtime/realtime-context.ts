'use client';

import * as React from 'react';
import type { RealtimeSocket } from '../../lib/socket';

export type RealtimeStatus = 'connecting' | 'connected' | 'disconnected';

export interface RealtimeContextValue {
  status: RealtimeStatus;
  /** The signed-in user's socket; `null` until there is a session. */
  socket: RealtimeSocket | null;
}

export const RealtimeContext = React.createContext<RealtimeContextValue | null>(null);

export function useRealtimeContext(hook: string): RealtimeContextValue {
  const value = React.useContext(RealtimeContext);
  if (!value) throw new Error(`${hook} must be used inside <RealtimeProvider>`);
  return value;
}
