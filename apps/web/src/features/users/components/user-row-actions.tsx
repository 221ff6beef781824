'use client';

import * as React from 'react';
import { KeyRound, MoreHorizontal, ShieldCheck, UserCheck, UserX } from 'lucide-react';
import { toast } from 'sonner';
import { ROLES, type Role, type UserDto } from '@ticklegram/domain-models';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '../../../components/ui/alert-dialog';
import { Button } from '../../../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from '../../../components/ui/dropdown-menu';
import { describeApiError } from '../../../lib/api/api-error';
import { useUpdateUser } from '../api';
import { roleLabel } from '../format';
import { ResetPasswordDialog } from './reset-password-dialog';

export function UserRowActions({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const updateUser = useUpdateUser();
  const [resetOpen, setResetOpen] = React.useState(false);
  const [confirmOpen, setConfirmOpen] = React.useState(false);

  const changeRole = (role: Role) => {
    if (role === user.role) return;
    updateUser.mutate(
      { id: user.id, body: { role } },
      {
        onSuccess: (updated) => toast.success(`${updated.name} is now ${roleLabel(updated.role).toLowerCase()}`),
        onError: (error) => toast.error('Could not change the role', { description: describeApiError(error) }),
      },
    );
  };

  const setActive = (active: boolean) => {
    updateUser.mutate(
      { id: user.id, body: { active } },
      {
        onSuccess: (updated) => toast.success(updated.active ? `${updated.name} can sign in again` : `${updated.name} was deactivated`),
        onError: (error) => toast.error(active ? 'Could not reactivate' : 'Could not deactivate', { description: describeApiError(error) }),
        onSettled: () => setConfirmOpen(false),
      },
    );
  };

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${user.name}`} disabled={updateUser.isPending}>
            <MoreHorizontal />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          <DropdownMenuSub>
            <DropdownMenuSubTrigger disabled={isSelf}>
              <ShieldCheck /> Change role
            </DropdownMenuSubTrigger>
            <DropdownMenuSubContent>
              <DropdownMenuRadioGroup value={user.role} onValueChange={(v) => changeRole(v as Role)}>
                {ROLES.map((role) => (
                  <DropdownMenuRadioItem key={role} value={role}>
                    {roleLabel(role)}
                  </DropdownMenuRadioItem>
                ))}
              </DropdownMenuRadioGroup>
            </DropdownMenuSubContent>
          </DropdownMenuSub>
          <DropdownMenuItem onSelect={() => setResetOpen(true)}>
            <KeyRound /> Reset password…
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          {user.active ? (
            <DropdownMenuItem variant="destructive" disabled={isSelf} onSelect={() => setConfirmOpen(true)}>
              <UserX /> Deactivate…
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem onSelect={() => setConfirmOpen(true)}>
              <UserCheck /> Reactivate…
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>

      <ResetPasswordDialog user={user} open={resetOpen} onOpenChange={setResetOpen} />

      <AlertDialog open={confirmOpen} onOpenChange={setConfirmOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{user.active ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}</AlertDialogTitle>
            <AlertDialogDescription>
              {user.active
                ? 'They are signed out and can no longer sign in. Their conversations and history stay. You can reactivate them later.'
                : 'They can sign in again with their current password.'}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant={user.active ? 'destructive' : 'default'}
              disabled={updateUser.isPending}
              onClick={(event) => {
                // Keep the dialog open until the api answers.
                event.preventDefault();
                setActive(!user.active);
              }}
            >
              {user.active ? 'Deactivate' : 'Reactivate'}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
