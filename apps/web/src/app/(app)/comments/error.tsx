'use client';

import { RouteError } from '../../../components/route-error';

export default function CommentsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} title="The comments desk didn't load" />;
}
