'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, KeyRound, Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { fieldErrorMessages } from '../../../lib/api/api-error';
import { FormField } from '../../../components/form-field';
import { describeChannelError, usePasteToken } from '../api';
import { pasteTokenSchema, type PasteTokenForm } from '../schemas';

const HINTS: Record<PasteTokenForm['kind'], string> = {
  page: 'A Page access token from Graph API Explorer or your Business settings. It needs pages_messaging and pages_manage_metadata.',
  instagram:
    'An Instagram Login token (starts with IG…), or the token of the Facebook Page your Instagram account is linked to (needs instagram_basic and instagram_manage_messages).',
};

const KINDS = ['page', 'instagram'] as const;

/** For admins who already have a token: checked with Meta before anything is stored. */
export function PasteTokenDialog() {
  const [open, setOpen] = React.useState(false);
  const [formError, setFormError] = React.useState<string | null>(null);
  const paste = usePasteToken();
  const empty: PasteTokenForm = { kind: 'page', accessToken: '' };
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PasteTokenForm>({ resolver: zodResolver(pasteTokenSchema), defaultValues: empty });
  const kind = watch('kind');

  const onKindKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = KINDS[(KINDS.indexOf(kind) + step + KINDS.length) % KINDS.length] ?? 'page';
    setValue('kind', next);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-testid="paste-token-kind-${next}"]`)?.focus();
  };

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      reset(empty);
      setFormError(null);
    }
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await paste.mutateAsync(values);
      toast.success(result.channels.length === 1 ? `${result.channels[0]?.name} is connected` : `${result.channels.length} channels connected`);
      onOpenChange(false);
    } catch (error) {
      const fieldMessage = fieldErrorMessages(error)['accessToken'];
      if (fieldMessage) setError('accessToken', { message: fieldMessage });
      else setFormError(describeChannelError(error));
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="paste-token-open">
          <KeyRound aria-hidden /> Paste a token
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Connect with a token</DialogTitle>
            <DialogDescription>We check the token with Meta, store it encrypted and never show it again.</DialogDescription>
          </DialogHeader>
          <fieldset className="grid gap-2">
            <legend id="paste-token-kind" className="mb-2 text-sm font-medium">
              What are you connecting?
            </legend>
            {/* one tab stop; arrow keys move the choice, as in any radio group */}
            <div className="flex gap-2" role="radiogroup" aria-labelledby="paste-token-kind" onKeyDown={onKindKeyDown}>
              {KINDS.map((value) => (
                <Button
                  key={value}
                  type="button"
                  role="radio"
                  aria-checked={kind === value}
                  tabIndex={kind === value ? 0 : -1}
                  variant={kind === value ? 'default' : 'outline'}
                  size="sm"
                  onClick={() => setValue('kind', value)}
                  data-testid={`paste-token-kind-${value}`}
                >
                  {value === 'page' ? 'Facebook Page' : 'Instagram account'}
                </Button>
              ))}
            </div>
          </fieldset>
          <FormField id="paste-token" label="Access token" error={errors.accessToken?.message} hint={HINTS[kind]}>
            {(field) => <Input {...field} {...register('accessToken')} autoComplete="off" spellCheck={false} data-testid="paste-token-input" />}
          </FormField>
          {formError ? (
            <p role="alert" className="flex items-start gap-2 text-sm text-destructive" data-testid="paste-token-error">
              <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden /> {formError}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting} data-testid="paste-token-submit">
              {isSubmitting ? <Loader2 className="animate-spin" aria-hidden /> : null} Check and connect
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
