import type { Metadata } from 'next';
import { Settings } from 'lucide-react';
import { ComingSoon } from '../../../components/coming-soon';
import { SettingsShortcuts } from './_components/settings-shortcuts';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <ComingSoon
      title="Settings"
      icon={Settings}
      summary="Your profile and workspace preferences."
      features={[
        'Change your name, password and notification preferences',
        'Workspace defaults such as business hours and auto-assignment',
        'Audit log of every admin action',
      ]}
    >
      <SettingsShortcuts />
    </ComingSoon>
  );
}
