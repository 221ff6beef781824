'use client';

import * as React from 'react';
import type { AssignmentSettingsDto } from '@ticklegram/domain-models';
import { FormField } from '../../../components/form-field';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Switch } from '../../../components/ui/switch';
import { fieldErrorMessages } from '../../../lib/api/api-error';
import { saveWithToast } from '../../../lib/save-with-toast';
import { useSaveAssignmentSettings } from '../api';

export const CAPACITY_RANGE = { min: 1, max: 1000 } as const;

/** `null` when the text is a whole number the api accepts, else what to fix. */
export function capacityProblem(text: string): string | null {
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isInteger(value) && value >= CAPACITY_RANGE.min && value <= CAPACITY_RANGE.max;
  return ok ? null : `Enter a whole number from ${CAPACITY_RANGE.min} to ${CAPACITY_RANGE.max}.`;
}

/** Round-robin assignment: on/off and how many open conversations an agent may hold. Keyed by the saved values. */
export function AssignmentSettingsForm({ saved }: { saved: AssignmentSettingsDto }) {
  const save = useSaveAssignmentSettings();
  const [autoAssign, setAutoAssign] = React.useState(saved.autoAssign);
  const [capacity, setCapacity] = React.useState(String(saved.capacity));
  const [touched, setTouched] = React.useState(false);
  const serverErrors = fieldErrorMessages(save.error);
  const problem = capacityProblem(capacity);
  const capacityError = (touched && problem) || serverErrors['capacity'];
  const dirty = autoAssign !== saved.autoAssign || Number(capacity) !== saved.capacity;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    await saveWithToast(
      () => save.mutateAsync({ autoAssign, capacity: Number(capacity) }),
      autoAssign ? 'Round-robin assignment is on' : 'Round-robin assignment is off',
    );
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="grid gap-5" aria-label="Assignment settings" data-testid="assignment-settings">
      <div className="flex items-start gap-3">
        <Switch
          id="round-robin"
          checked={autoAssign}
          onCheckedChange={setAutoAssign}
          aria-describedby="round-robin-hint"
          data-testid="round-robin-switch"
          className="mt-0.5"
        />
        <div className="grid gap-1">
          <Label htmlFor="round-robin">Round-robin assignment</Label>
          <p id="round-robin-hint" className="text-sm text-muted-foreground">
            {autoAssign
              ? 'Each new conversation goes to the next agent who is online and has room, in turn.'
              : 'New conversations stay unassigned until an agent takes one or an admin assigns it.'}
          </p>
        </div>
      </div>
      <div className="max-w-xs">
        <FormField
          id="assignment-capacity"
          label="Open conversations per agent"
          error={capacityError || undefined}
          hint="Round-robin skips agents who already hold this many conversations that are not resolved."
        >
          {(props) => (
            <Input
              {...props}
              type="number"
              inputMode="numeric"
              min={CAPACITY_RANGE.min}
              max={CAPACITY_RANGE.max}
              step={1}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              onBlur={() => setTouched(true)}
              data-testid="assignment-capacity"
            />
          )}
        </FormField>
      </div>
      <div>
        <Button type="submit" disabled={!dirty || save.isPending} data-testid="assignment-save">
          {save.isPending ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
