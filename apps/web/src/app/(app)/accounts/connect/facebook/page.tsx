import { Suspense } from 'react';
import type { Metadata } from 'next';
import { OAuthCallbackView } from '../../../../../features/channels/components/oauth-callback-view';

export const metadata: Metadata = { title: 'Connect with Facebook' };

export default function ConnectFacebookPage() {
  return (
    <Suspense>
      <OAuthCallbackView flavour="facebook" />
    </Suspense>
  );
}
