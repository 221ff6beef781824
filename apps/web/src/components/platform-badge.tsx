import { MessagePlatform } from '@ticklegram/domain-models';
import { cn } from '../lib/utils';

export const PLATFORM_NAMES: Record<MessagePlatform, string> = {
  [MessagePlatform.INSTAGRAM]: 'Instagram',
  [MessagePlatform.FACEBOOK]: 'Messenger',
};

export function PlatformBadge({ platform, className, compact = false }: { platform: MessagePlatform; className?: string; compact?: boolean }) {
  const name = PLATFORM_NAMES[platform];
  return (
    <span
      className={cn(
        'inline-flex shrink-0 items-center gap-1 rounded-full px-1.5 py-0.5 text-[10px] font-semibold tracking-wide uppercase',
        platform === MessagePlatform.INSTAGRAM ? 'bg-pink-500/10 text-pink-600 dark:text-pink-400' : 'bg-blue-500/10 text-blue-600 dark:text-blue-400',
        className,
      )}
      title={name}
    >
      <span
        aria-hidden
        className={cn(
          'size-1.5 rounded-full',
          platform === MessagePlatform.INSTAGRAM ? 'bg-gradient-to-tr from-amber-400 via-pink-500 to-purple-600' : 'bg-blue-500',
        )}
      />
      {compact ? <span className="sr-only">{name}</span> : name}
    </span>
  );
}
