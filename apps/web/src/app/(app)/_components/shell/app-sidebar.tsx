'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { UserDto } from '@ticklegram/domain-models';
import { cn } from '../../../../lib/utils';
import { Brand } from '../../../../components/shell/brand';
import { PRIMARY_NAV, SETTINGS_NAV, isNavActive, visibleNav, type NavItem } from './nav-items';
import { UserMenu } from './user-menu';

const ALL_NAV = [...PRIMARY_NAV, ...SETTINGS_NAV];

function NavLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const active = isNavActive(item, pathname, ALL_NAV);
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium text-sidebar-foreground outline-none transition-colors',
        'hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
        active && 'bg-sidebar-accent text-sidebar-accent-foreground',
      )}
    >
      <Icon className={cn('size-4 shrink-0', active ? 'text-primary' : 'text-muted-foreground')} aria-hidden />
      {item.label}
    </Link>
  );
}

export function AppSidebar({ user, onSignOut }: { user: UserDto; onSignOut: () => void }) {
  const pathname = usePathname() ?? '/';
  const settings = visibleNav(SETTINGS_NAV, user.role);
  return (
    <aside className="hidden w-60 shrink-0 flex-col border-r border-sidebar-border bg-sidebar md:flex">
      <div className="flex h-14 items-center px-4">
        <Link href="/inbox" className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          <Brand />
        </Link>
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-6 overflow-y-auto px-3 py-3">
        <div className="grid gap-0.5">
          {visibleNav(PRIMARY_NAV, user.role).map((item) => (
            <NavLink key={item.href} item={item} pathname={pathname} />
          ))}
        </div>
        <div className="grid gap-0.5">
          <p className="px-2.5 pb-1 text-xs font-medium text-muted-foreground">Workspace</p>
          {settings.map((item) => (
            <NavLink key={item.href} item={item} pathname={pathname} />
          ))}
        </div>
      </nav>
      <div className="border-t border-sidebar-border p-2">
        <UserMenu user={user} onSignOut={onSignOut} />
      </div>
    </aside>
  );
}

/** Small screens: a top bar with horizontally scrolling links instead of the sidebar. */
export function MobileNav({ user, onSignOut }: { user: UserDto; onSignOut: () => void }) {
  const pathname = usePathname() ?? '/';
  const items = [...visibleNav(PRIMARY_NAV, user.role), ...visibleNav(SETTINGS_NAV, user.role)];
  return (
    <div className="border-b bg-sidebar md:hidden">
      <div className="flex h-14 items-center justify-between gap-2 px-4">
        <Brand />
        <div className="w-44">
          <UserMenu user={user} onSignOut={onSignOut} />
        </div>
      </div>
      <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 pb-2">
        {items.map((item) => (
          <NavLink key={item.href} item={item} pathname={pathname} />
        ))}
      </nav>
    </div>
  );
}
