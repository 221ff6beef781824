import { AppShell } from '../../components/shell/app-shell';
import { ChannelsAttentionBanner } from '../../features/channels/components/channels-attention-banner';

export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <AppShell>
      <ChannelsAttentionBanner />
      {children}
    </AppShell>
  );
}
