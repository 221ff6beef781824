'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { PASSWORD_MIN_LENGTH, type UserDto } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { useUpdateUser } from '../api';
import { resetPasswordSchema, type ResetPasswordValues } from '../schemas';
import { FormField } from '../../../components/form-field';

export function ResetPasswordDialog({ user, open, onOpenChange }: { user: UserDto; open: boolean; onOpenChange: (open: boolean) => void }) {
  const updateUser = useUpdateUser();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordValues>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { password: '' } });

  React.useEffect(() => {
    if (!open) reset({ password: '' });
  }, [open, reset]);

  const onSubmit = handleSubmit(async ({ password }) => {
    try {
      await updateUser.mutateAsync({ id: user.id, body: { password } });
      toast.success(`Password reset for ${user.name}`, { description: 'Share the new password with them privately.' });
      onOpenChange(false);
    } catch (error) {
      setError('password', { message: fieldErrorMessages(error)['password'] ?? describeApiError(error) });
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Reset password</DialogTitle>
          <DialogDescription>Set a new password for {user.name}. Their current password stops working right away.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" id="reset-password-form">
          <FormField id="reset-password" label="New password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
            {(a11y) => <Input type="password" autoComplete="new-password" autoFocus {...a11y} {...register('password')} />}
          </FormField>
        </form>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="reset-password-form" disabled={isSubmitting}>
            {isSubmitting ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Reset password
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
