import Link from 'next/link';
import { ChevronRight, MessageSquareText, Tag, Users, Webhook, type LucideIcon } from 'lucide-react';

interface WorkspaceLink {
  href: string;
  title: string;
  description: string;
  icon: LucideIcon;
}

/** The admin settings pages that exist, as they appear on Settings. */
export const WORKSPACE_LINKS: readonly WorkspaceLink[] = [
  { href: '/settings/users', title: 'Users', description: 'Add teammates, change roles, reset passwords.', icon: Users },
  { href: '/settings/labels', title: 'Labels', description: 'Tags for conversations, with colours; filter the inbox by them.', icon: Tag },
  {
    href: '/settings/canned-responses',
    title: 'Canned responses',
    description: 'Saved replies agents insert with / in the composer.',
    icon: MessageSquareText,
  },
  { href: '/settings/webhooks', title: 'Webhooks', description: 'Every delivery Meta sent, its outcome, and a replay button.', icon: Webhook },
];

export function WorkspaceLinks() {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Workspace settings">
      {WORKSPACE_LINKS.map(({ href, title, description, icon: Icon }) => (
        <li key={href}>
          <Link
            href={href}
            className="flex h-full items-center gap-4 rounded-xl border bg-card p-4 shadow-xs outline-none transition-colors hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary">
              <Icon className="size-5" aria-hidden />
            </span>
            <span className="grid flex-1">
              <span className="font-medium">{title}</span>
              <span className="text-sm text-muted-foreground">{description}</span>
            </span>
            <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
          </Link>
        </li>
      ))}
    </ul>
  );
}
