import { AppShell } from './_components/shell/app-shell';
import { ChannelsAttentionBanner } from '../../features/channels/components/channels-attention-banner';
import { RealtimeProvider } from '../../features/realtime/realtime-provider';
import { LiveUpdates } from './_components/live-updates';

export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <AppShell>
      <RealtimeProvider>
        <LiveUpdates />
        <ChannelsAttentionBanner />
        {children}
      </RealtimeProvider>
    </AppShell>
  );
}
