'use client';

import { RouteError } from '../../../../components/route-error';

export default function ConversationError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} title="This conversation didn't load" />;
}
