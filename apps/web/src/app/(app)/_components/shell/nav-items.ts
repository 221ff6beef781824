import {
  AtSign,
  BarChart3,
  Megaphone,
  Target,
  FileText,
  LineChart,
  Inbox,
  MessageSquareText,
  Settings,
  ShieldCheck,
  Users,
  Webhook,
  type LucideIcon,
} from 'lucide-react';
import { Role } from '@ticklegram/domain-models';

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Only these roles see the link; undefined means everyone. */
  roles?: readonly Role[];
}

export const PRIMARY_NAV: readonly NavItem[] = [
  { href: '/inbox', label: 'Inbox', icon: Inbox },
  { href: '/comments', label: 'Comments', icon: MessageSquareText },
  { href: '/insights', label: 'Insights', icon: BarChart3 },
  // analytics (issue 12 part 2)
  { href: '/analytics', label: 'Analytics', icon: LineChart },
  { href: '/templates', label: 'Templates', icon: FileText },
  { href: '/attribution', label: 'Attribution', icon: Target },
  { href: '/accounts', label: 'Accounts', icon: AtSign },
];

export const SETTINGS_NAV: readonly NavItem[] = [
  { href: '/settings', label: 'Settings', icon: Settings },
  { href: '/settings/users', label: 'Users', icon: Users, roles: [Role.ADMIN] },
  { href: '/settings/webhooks', label: 'Webhooks', icon: Webhook, roles: [Role.ADMIN] },
  { href: '/settings/comment-rules', label: 'Comment rules', icon: ShieldCheck, roles: [Role.ADMIN] },
  { href: '/settings/conversions', label: 'Conversions API', icon: Megaphone, roles: [Role.ADMIN] },
];

export function visibleNav(items: readonly NavItem[], role: Role | undefined): NavItem[] {
  return items.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)));
}

/** `/settings` is active only on itself so it does not light up together with `/settings/users`. */
export function isNavActive(item: NavItem, pathname: string, all: readonly NavItem[]): boolean {
  if (pathname === item.href) return true;
  if (!pathname.startsWith(`${item.href}/`)) return false;
  return !all.some((other) => other.href !== item.href && other.href.startsWith(`${item.href}/`) && pathname.startsWith(other.href));
}
