'use client';

import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { MessagePlatform } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { describeChannelError, useStartLogin, type LoginFlavour } from '../api';
import { PlatformMark } from './platform-mark';

/** "Connect with Facebook" (Pages and their Instagram accounts) and "Connect with Instagram" (Instagram Login). */
export function ConnectButtons() {
  const start = useStartLogin();
  const go = (flavour: LoginFlavour) =>
    start.mutate(flavour, { onError: (error) => toast.error('Could not open the Meta login', { description: describeChannelError(error) }) });
  const busy = (flavour: LoginFlavour) => start.isPending && start.variables === flavour;

  return (
    <>
      <Button
        onClick={() => go('facebook')}
        disabled={start.isPending}
        data-testid="connect-facebook"
        className="bg-[#1877f2] text-white hover:bg-[#1877f2]/90"
      >
        {busy('facebook') ? <Loader2 className="animate-spin" aria-hidden /> : <PlatformMark platform={MessagePlatform.FACEBOOK} />} Connect with Facebook
      </Button>
      <Button
        onClick={() => go('instagram')}
        disabled={start.isPending}
        data-testid="connect-instagram"
        className="bg-[#d62976] text-white hover:bg-[#d62976]/90"
      >
        {busy('instagram') ? <Loader2 className="animate-spin" aria-hidden /> : <PlatformMark platform={MessagePlatform.INSTAGRAM} />} Connect with Instagram
      </Button>
    </>
  );
}
