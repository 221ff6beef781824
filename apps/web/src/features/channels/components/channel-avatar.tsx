import { MessagePlatform, type ChannelDto } from '@ticklegram/domain-models';
import { Avatar, AvatarFallback, AvatarImage } from '../../../components/ui/avatar';
import { cn } from '../../../lib/utils';
import { initials } from '../channel-view';
import { PlatformMark } from './platform-mark';

/** The account's picture with a small platform mark in the corner. */
export function ChannelAvatar({ channel, className }: { channel: Pick<ChannelDto, 'name' | 'pictureUrl' | 'platform'>; className?: string }) {
  return (
    <span className={cn('relative inline-flex shrink-0', className)}>
      <Avatar className="size-11">
        {channel.pictureUrl ? <AvatarImage src={channel.pictureUrl} alt="" /> : null}
        <AvatarFallback>{initials(channel.name)}</AvatarFallback>
      </Avatar>
      <span
        className={cn(
          'absolute -right-1 -bottom-1 flex size-5 items-center justify-center rounded-full border-2 border-background text-white',
          channel.platform === MessagePlatform.INSTAGRAM ? 'bg-[#d62976]' : 'bg-[#1877f2]',
        )}
        aria-hidden
      >
        <PlatformMark platform={channel.platform} className="size-3" />
      </span>
    </span>
  );
}
