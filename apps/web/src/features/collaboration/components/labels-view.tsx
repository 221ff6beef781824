'use client';

import * as React from 'react';
import { Tag } from 'lucide-react';
import type { LabelDto } from '@ticklegram/domain-models';
import { AdminSettingsPage } from '../../auth/components/admin-settings-page';
import { EmptyState, LoadingState, QueryStates } from '../../../components/data-states';
import { EditableList } from '../../../components/editable-list';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { fieldErrorMessages } from '../../../lib/api/api-error';
import { saveWithToast } from '../../../lib/save-with-toast';
import { useDeleteLabel, useLabels, useSaveLabel } from '../api';

function LabelForm({ editing, onDone }: { editing: LabelDto | null; onDone: () => void }) {
  const save = useSaveLabel();
  const [name, setName] = React.useState(editing?.name ?? '');
  const [color, setColor] = React.useState(editing?.color ?? '#6366f1');
  const errors = fieldErrorMessages(save.error);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!(await saveWithToast(() => save.mutateAsync({ id: editing?.id, name, color }), editing ? 'Label updated' : 'Label added'))) return;
    if (!editing) setName('');
    save.reset();
    onDone();
  }

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      className="flex flex-wrap items-end gap-3 rounded-xl border bg-card p-4"
      aria-label={editing ? 'Edit label' : 'New label'}
    >
      <div className="grid flex-1 gap-1">
        <Label htmlFor="label-name">Name</Label>
        <Input id="label-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="VIP" aria-invalid={Boolean(errors.name)} required />
        {errors.name ? <p className="text-xs text-destructive">{errors.name}</p> : null}
      </div>
      <div className="grid gap-1">
        <Label htmlFor="label-color">Colour</Label>
        <input
          id="label-color"
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          className="h-9 w-14 cursor-pointer rounded-md border bg-transparent"
        />
        {errors.color ? <p className="text-xs text-destructive">{errors.color}</p> : null}
      </div>
      {editing ? (
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      ) : null}
      <Button type="submit" disabled={save.isPending}>
        {editing ? 'Save' : 'Add label'}
      </Button>
    </form>
  );
}

/** Settings → Labels (admins). Everyone can put labels on the conversations they see. */
export function LabelsView() {
  return (
    <AdminSettingsPage title="Labels" description="Tags agents put on conversations; the inbox can be filtered by them.">
      <Labels />
    </AdminSettingsPage>
  );
}

function Labels() {
  const list = useLabels();
  const remove = useDeleteLabel();
  const [editing, setEditing] = React.useState<LabelDto | null>(null);
  return (
    <div className="mt-8 grid gap-6">
      <LabelForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
      <QueryStates
        query={list}
        loading={<LoadingState label="Loading labels" />}
        errorTitle="Couldn't load labels"
        isEmpty={(labels) => labels.length === 0}
        empty={
          <EmptyState icon={Tag} title="No labels yet">
            Add one above; agents then pick it from the label menu of a conversation.
          </EmptyState>
        }
      >
        {(labels) => (
          <EditableList
            label="Labels"
            items={labels}
            itemName={(label) => label.name}
            confirmDelete={(label) => `Delete the label “${label.name}”? It is removed from every conversation.`}
            onEdit={setEditing}
            remove={remove}
            renderItem={(label) => (
              <>
                <span className="size-3 rounded-full" style={{ backgroundColor: label.color }} aria-hidden />
                <span className="flex-1 font-medium">{label.name}</span>
              </>
            )}
          />
        )}
      </QueryStates>
    </div>
  );
}
