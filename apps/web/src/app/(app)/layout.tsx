import { connection } from 'next/server';
import { AppShell } from '../../components/shell/app-shell';
import { ChannelsAttentionBanner } from '../../features/channels/components/channels-attention-banner';
import { RealtimeProvider } from '../../features/realtime/realtime-provider';
import { LiveUpdates } from './_components/live-updates';

/** Where browsers reach the api for the realtime socket; read per request so one build serves any deployment. */
function apiPublicUrl(): string {
  return process.env['API_PUBLIC_URL'] || 'http://localhost:3001';
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <AppShell>
      <RealtimeProvider apiUrl={apiPublicUrl()}>
        <LiveUpdates />
        <ChannelsAttentionBanner />
        {children}
      </RealtimeProvider>
    </AppShell>
  );
}
