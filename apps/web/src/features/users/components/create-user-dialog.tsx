'use client';

import * as React from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2, UserPlus } from 'lucide-react';
import { toast } from 'sonner';
import { PASSWORD_MIN_LENGTH, Role, ROLES } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../components/ui/select';
import { ApiError, describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { useCreateUser } from '../api';
import { roleLabel } from '../format';
import { createUserSchema, type CreateUserValues } from '../schemas';
import { FormField } from '../../../components/form-field';

const FIELDS = ['name', 'email', 'role', 'password'] as const;
const EMPTY: CreateUserValues = { name: '', email: '', role: Role.AGENT, password: '' };

export function CreateUserDialog() {
  const [open, setOpen] = React.useState(false);
  const [formError, setFormError] = React.useState<string | null>(null);
  const createUser = useCreateUser();
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserValues>({ resolver: zodResolver(createUserSchema), defaultValues: EMPTY });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      reset(EMPTY);
      setFormError(null);
    }
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await createUser.mutateAsync(values);
      toast.success(`${user.name} can now sign in`, { description: `${roleLabel(user.role)} · ${user.email}` });
      onOpenChange(false);
    } catch (error) {
      const fields = fieldErrorMessages(error);
      let mapped = false;
      for (const field of FIELDS) {
        if (fields[field]) {
          setError(field, { message: fields[field] });
          mapped = true;
        }
      }
      if (error instanceof ApiError && error.code === 'USERS_EMAIL_TAKEN') {
        setError('email', { message: describeApiError(error) });
        mapped = true;
      }
      if (!mapped) setFormError(describeApiError(error));
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Add teammate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a teammate</DialogTitle>
          <DialogDescription>They sign in with this email and password. Share the password with them privately.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" id="create-user-form">
          {formError ? (
            <div role="alert" className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
              <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
              {formError}
            </div>
          ) : null}
          <FormField id="create-name" label="Name" error={errors.name?.message}>
            {(a11y) => <Input autoComplete="off" placeholder="Alex Morgan" {...a11y} {...register('name')} />}
          </FormField>
          <FormField id="create-email" label="Email" error={errors.email?.message}>
            {(a11y) => <Input type="email" autoComplete="off" placeholder="alex@company.com" {...a11y} {...register('email')} />}
          </FormField>
          <FormField
            id="create-role"
            label="Role"
            error={errors.role?.message}
            hint="Agents answer conversations. Admins also manage teammates, accounts and templates."
          >
            {(a11y) => (
              <Controller
                control={control}
                name="role"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={(v) => field.onChange(v as Role)}>
                    <SelectTrigger {...a11y} onBlur={field.onBlur} ref={field.ref}>
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {ROLES.map((role) => (
                        <SelectItem key={role} value={role}>
                          {roleLabel(role)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            )}
          </FormField>
          <FormField id="create-password" label="Password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
            {(a11y) => <Input type="password" autoComplete="new-password" {...a11y} {...register('password')} />}
          </FormField>
        </form>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="create-user-form" disabled={isSubmitting}>
            {isSubmitting ? <Loader2 className="animate-spin" aria-hidden /> : null}
            {isSubmitting ? 'Adding…' : 'Add teammate'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
