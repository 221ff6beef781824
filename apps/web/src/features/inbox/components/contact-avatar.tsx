'use client';

import type { ContactDto } from '@ticklegram/domain-models';
import { Avatar, AvatarFallback, AvatarImage } from '../../../components/ui/avatar';
import { cn } from '../../../lib/utils';

function initials(name: string): string {
  const parts = name
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase() || '?';
}

export function ContactAvatar({ contact, className }: { contact: ContactDto; className?: string }) {
  return (
    <Avatar className={cn('size-9', className)}>
      {contact.profilePicUrl ? <AvatarImage src={contact.profilePicUrl} alt="" referrerPolicy="no-referrer" /> : null}
      <AvatarFallback>{initials(contact.displayName)}</AvatarFallback>
    </Avatar>
  );
}
