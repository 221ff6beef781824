'use client';

import { Role, type UserDto } from '@ticklegram/domain-models';
import { Avatar, AvatarFallback } from '../../../components/ui/avatar';
import { Badge } from '../../../components/ui/badge';
import { Skeleton } from '../../../components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../../components/ui/table';
import { Tooltip, TooltipContent, TooltipTrigger } from '../../../components/ui/tooltip';
import { formatDateTime, formatLastLogin, initials, roleLabel } from '../format';
import { UserRowActions } from './user-row-actions';

function sortUsers(users: readonly UserDto[]): UserDto[] {
  return [...users].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

export function UsersTable({ users, currentUserId }: { users: readonly UserDto[]; currentUserId: string }) {
  return (
    <div className="rounded-xl border bg-card">
      <Table aria-label="Teammates">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead className="pl-4">Name</TableHead>
            <TableHead className="hidden md:table-cell">Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden lg:table-cell">Last login</TableHead>
            <TableHead className="w-12 pr-4">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sortUsers(users).map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <TableRow key={user.id} data-testid="user-row" data-email={user.email} className={user.active ? '' : 'text-muted-foreground'}>
                <TableCell className="pl-4">
                  <div className="flex items-center gap-3">
                    <Avatar className={user.active ? '' : 'opacity-60'}>
                      <AvatarFallback>{initials(user.name)}</AvatarFallback>
                    </Avatar>
                    <div className="grid">
                      <span className="font-medium text-foreground">
                        {user.name}
                        {isSelf ? <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span> : null}
                      </span>
                      <span className="text-xs text-muted-foreground md:hidden">{user.email}</span>
                    </div>
                  </div>
                </TableCell>
                <TableCell className="hidden md:table-cell">{user.email}</TableCell>
                <TableCell>
                  <Badge variant={user.role === Role.ADMIN ? 'secondary' : 'outline'}>{roleLabel(user.role)}</Badge>
                </TableCell>
                <TableCell>
                  {user.active ? (
                    <Badge variant="success">
                      <span className="size-1.5 rounded-full bg-current" aria-hidden /> Active
                    </Badge>
                  ) : (
                    <Badge variant="muted">Deactivated</Badge>
                  )}
                </TableCell>
                <TableCell className="hidden lg:table-cell">
                  {user.lastLoginAt ? (
                    <Tooltip>
                      <TooltipTrigger asChild>
                        <time dateTime={user.lastLoginAt} className="cursor-default" tabIndex={0}>
                          {formatLastLogin(user.lastLoginAt)}
                        </time>
                      </TooltipTrigger>
                      <TooltipContent>{formatDateTime(user.lastLoginAt)}</TooltipContent>
                    </Tooltip>
                  ) : (
                    <span className="text-muted-foreground">Never</span>
                  )}
                </TableCell>
                <TableCell className="pr-4 text-right">
                  <UserRowActions user={user} isSelf={isSelf} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

export function UsersTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className="rounded-xl border bg-card" aria-busy="true" aria-label="Loading teammates">
      <div className="flex h-10 items-center gap-6 border-b px-4">
        {[24, 32, 16, 16, 20].map((w, i) => (
          <Skeleton key={i} className="h-3" style={{ width: `${w * 4}px` }} />
        ))}
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b px-4 py-3 last:border-0">
          <div className="flex w-48 items-center gap-3">
            <Skeleton className="size-8 rounded-full" />
            <Skeleton className="h-4 w-28" />
          </div>
          <Skeleton className="h-4 w-44" />
          <Skeleton className="h-5 w-14" />
          <Skeleton className="h-5 w-16" />
          <Skeleton className="h-4 w-24" />
        </div>
      ))}
    </div>
  );
}
