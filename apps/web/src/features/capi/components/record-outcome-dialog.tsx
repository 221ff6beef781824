'use client';

import * as React from 'react';
import { toast } from 'sonner';
import { BadgeCheck } from 'lucide-react';
import { OUTCOME_LABELS, OUTCOME_TYPES, type ConversationDto } from '@ticklegram/domain-models';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { FormField } from '../../../components/form-field';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { useRecordOutcome } from '../api';
import { EMPTY_OUTCOME_FORM, formatMoney, outcomeRequest, type OutcomeFormValues } from '../outcome-form';

const FIELD =
  'h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50';

/** "Record outcome" in the thread header: a lead, a purchase… reported to Meta's Conversions API. */
export function RecordOutcomeButton({ conversation }: { conversation: ConversationDto }) {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="h-8 shrink-0 gap-1.5 px-2 text-xs"
        onClick={() => setOpen(true)}
        aria-label="Record outcome"
        title="Record outcome (lead, purchase…)"
        data-testid="record-outcome"
      >
        <BadgeCheck className="size-3.5" aria-hidden />
        <span className="hidden @4xl:inline">Record outcome</span>
      </Button>
      {open ? <RecordOutcomeDialog conversation={conversation} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RecordOutcomeDialog({ conversation, onClose }: { conversation: ConversationDto; onClose: () => void }) {
  const [values, setValues] = React.useState<OutcomeFormValues>(EMPTY_OUTCOME_FORM);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const record = useRecordOutcome(conversation.id);
  const set = (patch: Partial<OutcomeFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = outcomeRequest(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    record.mutate(checked.body, {
      onSuccess: (outcome) => {
        toast.success(`${outcome.label}${outcome.value !== null && outcome.currency ? ` of ${formatMoney(outcome.value, outcome.currency)}` : ''} recorded`);
        onClose();
      },
      onError: (error) =>
        setErrors({ ...fieldErrorMessages(error), ...(Object.keys(fieldErrorMessages(error)).length ? {} : { form: describeApiError(error) }) }),
    });
  };

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent data-testid="outcome-dialog">
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Record outcome</DialogTitle>
            <DialogDescription>
              What came of this conversation with {conversation.contact.displayName}
              {conversation.referral?.kind === 'ad' ? ` (from the ad ${conversation.referral.adTitle ?? conversation.referral.adId})` : ''}. It is reported to
              Meta's Conversions API; email and phone are hashed first.
            </DialogDescription>
          </DialogHeader>
          <FormField id="outcome-type" label="What happened" error={errors['type']}>
            {(props) => (
              <select {...props} className={FIELD} value={values.type} onChange={(e) => set({ type: e.target.value })} data-testid="outcome-type" autoFocus>
                {OUTCOME_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {OUTCOME_LABELS[type]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="grid grid-cols-[1fr_7rem] gap-3">
            <FormField id="outcome-value" label={values.type === 'Purchase' ? 'Value' : 'Value (optional)'} error={errors['value']}>
              {(props) => (
                <Input
                  {...props}
                  inputMode="decimal"
                  placeholder="49.90"
                  value={values.value}
                  onChange={(e) => set({ value: e.target.value })}
                  data-testid="outcome-value"
                />
              )}
            </FormField>
            <FormField id="outcome-currency" label="Currency" error={errors['currency']}>
              {(props) => (
                <Input
                  {...props}
                  maxLength={3}
                  value={values.currency}
                  onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
                  data-testid="outcome-currency"
                />
              )}
            </FormField>
          </div>
          <FormField id="outcome-email" label="Email (optional)" error={errors['email']} hint="Helps Meta match the customer; only its hash is stored.">
            {(props) => <Input {...props} type="email" value={values.email} onChange={(e) => set({ email: e.target.value })} data-testid="outcome-email" />}
          </FormField>
          <FormField id="outcome-phone" label="Phone (optional)" error={errors['phone']} hint="With country code, e.g. +43 660 1234567.">
            {(props) => <Input {...props} type="tel" value={values.phone} onChange={(e) => set({ phone: e.target.value })} data-testid="outcome-phone" />}
          </FormField>
          {errors['form'] ? (
            <p role="alert" className="text-sm text-destructive" data-testid="outcome-error">
              {errors['form']}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={record.isPending} data-testid="outcome-submit">
              {record.isPending ? 'Recording…' : 'Record'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
