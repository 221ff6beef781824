import type { Metadata } from 'next';
import { CapiSettingsView } from '../../../../features/capi/components/capi-settings-view';

export const metadata: Metadata = { title: 'Conversions API' };

export default function ConversionsSettingsPage() {
  return <CapiSettingsView />;
}
