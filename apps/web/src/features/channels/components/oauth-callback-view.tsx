'use client';

import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { AlertTriangle, Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import type { FacebookLoginSelectionDto } from '@ticklegram/domain-models';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { describeChannelError, useCompleteFacebookLogin, useCompleteInstagramLogin, type LoginFlavour } from '../api';
import { FacebookPagePicker } from './facebook-page-picker';

function Problem({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" className="mt-8 flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center" data-testid="oauth-problem">
      <AlertTriangle className="size-7 text-destructive" aria-hidden />
      <h2 className="mt-3 font-semibold">{title}</h2>
      <p className="mt-1 max-w-md text-sm text-muted-foreground">{message}</p>
      <Button asChild variant="outline" className="mt-5">
        <Link href="/accounts">Back to accounts</Link>
      </Button>
    </div>
  );
}

/**
 * Where Meta's login dialog sends the admin back (`/accounts/connect/{facebook|instagram}?code&state`).
 * Facebook: shows the Pages to pick; Instagram: connects the account and returns to Accounts.
 */
export function OAuthCallbackView({ flavour }: { flavour: LoginFlavour }) {
  const params = useSearchParams();
  const router = useRouter();
  const code = params.get('code');
  const state = params.get('state');
  const denied = params.get('error');
  const facebook = useCompleteFacebookLogin();
  const instagram = useCompleteInstagramLogin();
  const [selection, setSelection] = React.useState<FacebookLoginSelectionDto | null>(null);
  const started = React.useRef(false);

  React.useEffect(() => {
    // a code is single-use: never send it twice (React strict mode runs effects twice in development)
    if (started.current || !code || !state || denied) return;
    started.current = true;
    if (flavour === 'facebook') {
      facebook.mutate({ code, state }, { onSuccess: setSelection });
    } else {
      instagram.mutate(
        { code, state },
        {
          onSuccess: ({ channels }) => {
            toast.success(`${channels[0]?.name ?? 'Instagram account'} is connected`);
            router.replace('/accounts');
          },
        },
      );
    }
  }, [code, state, denied, flavour, facebook, instagram, router]);

  const title = flavour === 'facebook' ? 'Connect with Facebook' : 'Connect with Instagram';
  const failure = flavour === 'facebook' ? facebook.error : instagram.error;
  return (
    <PageContainer>
      <PageHeader title={title} />
      {denied ? (
        <Problem
          title="Nothing was connected"
          message="The login was cancelled or permissions were declined. Try again and allow the permissions TickleGram asks for."
        />
      ) : !code || !state ? (
        <Problem title="This link is incomplete" message="Start connecting from the Accounts page." />
      ) : failure ? (
        <Problem title="Meta did not complete the login" message={describeChannelError(failure)} />
      ) : selection ? (
        <FacebookPagePicker selection={selection} />
      ) : (
        <p className="mt-8 flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Finishing the login with Meta…
        </p>
      )}
    </PageContainer>
  );
}
