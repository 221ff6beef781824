import type { Metadata } from 'next';
import { BarChart3 } from 'lucide-react';
import { ComingSoon } from '../../../components/coming-soon';

export const metadata: Metadata = { title: 'Insights' };

export default function InsightsPage() {
  return (
    <ComingSoon
      title="Insights"
      icon={BarChart3}
      summary="How your accounts and your team are doing."
      features={[
        'Reach, impressions and follower growth for each connected account',
        'Response times and conversation volume per agent',
        'Daily snapshots kept in TickleGram, so history survives Meta’s retention limits',
      ]}
    />
  );
}
