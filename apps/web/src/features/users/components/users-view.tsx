'use client';

import { AlertTriangle, RefreshCw, Users } from 'lucide-react';
import { Role } from '@ticklegram/domain-models';
import { Forbidden } from '../../../components/forbidden';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { ApiError, describeApiError } from '../../../lib/api/api-error';
import { useAuth } from '../../auth/auth-provider';
import { useUsers } from '../api';
import { CreateUserDialog } from './create-user-dialog';
import { UsersTable, UsersTableSkeleton } from './users-table';

export function UsersView() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const users = useUsers(isAdmin);

  if (!user) return null;
  if (!isAdmin || (users.error instanceof ApiError && users.error.status === 403)) return <Forbidden />;

  return (
    <PageContainer>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to this inbox. Admins manage teammates, accounts and templates."
        actions={<CreateUserDialog />}
      />
      <div className="mt-8">
        {users.isPending ? (
          <UsersTableSkeleton />
        ) : users.isError ? (
          <div role="alert" className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
            <AlertTriangle className="size-7 text-destructive" aria-hidden />
            <h2 className="mt-3 font-semibold">Couldn&apos;t load teammates</h2>
            <p className="mt-1 text-sm text-muted-foreground">{describeApiError(users.error)}</p>
            <Button variant="outline" className="mt-5" onClick={() => void users.refetch()} disabled={users.isFetching}>
              <RefreshCw aria-hidden className={users.isFetching ? 'animate-spin' : ''} /> Try again
            </Button>
          </div>
        ) : users.data.length <= 1 ? (
          <>
            <UsersTable users={users.data} currentUserId={user.id} />
            <div className="mt-6 flex flex-col items-center rounded-xl border border-dashed px-6 py-10 text-center">
              <Users className="size-7 text-muted-foreground" aria-hidden />
              <h2 className="mt-3 font-semibold">It&apos;s just you so far</h2>
              <p className="mt-1 max-w-sm text-sm text-muted-foreground">
                Add agents so they can answer conversations and comments with you.
              </p>
            </div>
          </>
        ) : (
          <UsersTable users={users.data} currentUserId={user.id} />
        )}
      </div>
    </PageContainer>
  );
}
