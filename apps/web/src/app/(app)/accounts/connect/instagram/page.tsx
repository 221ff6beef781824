import { Suspense } from 'react';
import type { Metadata } from 'next';
import { OAuthCallbackView } from '../../../../../features/channels/components/oauth-callback-view';

export const metadata: Metadata = { title: 'Connect with Instagram' };

export default function ConnectInstagramPage() {
  return (
    <Suspense>
      <OAuthCallbackView flavour="instagram" />
    </Suspense>
  );
}
