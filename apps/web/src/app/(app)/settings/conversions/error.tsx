'use client';

import { RouteError } from '../../../../components/route-error';

export default function ConversionsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} title="Couldn't show the Conversions API settings" />;
}
