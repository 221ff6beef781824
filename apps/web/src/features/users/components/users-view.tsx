'use client';

import { Users } from 'lucide-react';
import { AdminSettingsPage } from '../../auth/components/admin-settings-page';
import { EmptyState, QueryStates } from '../../../components/data-states';
import { useAuth } from '../../auth/auth-provider';
import { useUsers } from '../api';
import { CreateUserDialog } from './create-user-dialog';
import { UsersTable, UsersTableSkeleton } from './users-table';

export function UsersView() {
  return (
    <AdminSettingsPage
      title="Users"
      description="Everyone who can sign in to this inbox. Admins manage teammates, accounts and templates."
      actions={<CreateUserDialog />}
    >
      <Teammates />
    </AdminSettingsPage>
  );
}

function Teammates() {
  const currentUserId = useAuth().user?.id ?? '';
  const users = useUsers();
  return (
    <div className="mt-8">
      <QueryStates query={users} loading={<UsersTableSkeleton />} errorTitle="Couldn't load teammates">
        {(list) => (
          <>
            <UsersTable users={list} currentUserId={currentUserId} />
            {list.length <= 1 ? (
              <EmptyState icon={Users} title="It's just you so far" className="mt-6 py-10">
                Add agents so they can answer conversations and comments with you.
              </EmptyState>
            ) : null}
          </>
        )}
      </QueryStates>
    </div>
  );
}
