import type { Metadata } from 'next';
import { AtSign } from 'lucide-react';
import { ComingSoon } from '../../../components/coming-soon';

export const metadata: Metadata = { title: 'Accounts' };

export default function AccountsPage() {
  return (
    <ComingSoon
      title="Accounts"
      icon={AtSign}
      summary="The Instagram accounts and Facebook Pages this inbox answers for."
      features={[
        'Connect Instagram professional accounts and Facebook Pages with Meta login',
        'See each connection’s health and reconnect when Meta asks for it',
        'Choose which channels may use the human-agent tag',
      ]}
    />
  );
}
