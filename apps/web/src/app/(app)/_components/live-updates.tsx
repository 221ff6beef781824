'use client';

import { useCapiLiveUpdates } from '../../../features/capi/use-capi-live-updates';
import { useChannelLiveUpdates } from '../../../features/channels/hooks/use-channel-live-updates';
import { useNoteLiveUpdates } from '../../../features/collaboration/hooks/use-note-live-updates';
import { useInboxLiveUpdates } from '../../../features/inbox/hooks/use-inbox-live-updates';
import { useOptinLiveUpdates } from '../../../features/messenger/use-optin-live-updates';
import { useTemplateLiveUpdates } from '../../../features/templates/use-template-live-updates';

/** The features that follow the socket on every page; each registers its own events. */
export function LiveUpdates() {
  useChannelLiveUpdates();
  useInboxLiveUpdates();
  useNoteLiveUpdates();
  useTemplateLiveUpdates();
  useOptinLiveUpdates();
  useCapiLiveUpdates();
  return null;
}
