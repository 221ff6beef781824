'use client';

import * as React from 'react';
import { Pencil, Trash2 } from 'lucide-react';
import { Role, type LabelDto } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Forbidden } from '../../../components/forbidden';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { useAuth } from '../../auth/auth-provider';
import { useDeleteLabel, useLabels, useSaveLabel } from '../api';

function LabelForm({ editing, onDone }: { editing: LabelDto | null; onDone: () => void }) {
  const save = useSaveLabel();
  const [name, setName] = React.useState(editing?.name ?? '');
  const [color, setColor] = React.useState(editing?.color ?? '#6366f1');
  const errors = fieldErrorMessages(save.error);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ id: editing?.id, name, color });
      toast.success(editing ? 'Label updated' : 'Label added');
      if (!editing) setName('');
      save.reset();
      onDone();
    } catch (error) {
      if (Object.keys(fieldErrorMessages(error)).length === 0) toast.error(describeApiError(error));
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="flex flex-wrap items-end gap-3 rounded-xl border bg-card p-4" aria-label={editing ? 'Edit label' : 'New label'}>
      <div className="grid flex-1 gap-1">
        <Label htmlFor="label-name">Name</Label>
        <Input id="label-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="VIP" aria-invalid={Boolean(errors.name)} required />
        {errors.name ? <p className="text-xs text-destructive">{errors.name}</p> : null}
      </div>
      <div className="grid gap-1">
        <Label htmlFor="label-color">Colour</Label>
        <input id="label-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} className="h-9 w-14 cursor-pointer rounded-md border bg-transparent" />
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
  const { user } = useAuth();
  const list = useLabels();
  const remove = useDeleteLabel();
  const [editing, setEditing] = React.useState<LabelDto | null>(null);

  if (!user) return null;
  if (user.role !== Role.ADMIN) return <Forbidden />;

  return (
    <PageContainer>
      <PageHeader title="Labels" description="Tags agents put on conversations; the inbox can be filtered by them." />
      <div className="mt-8 grid gap-6">
        <LabelForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
        {list.isPending ? (
          <p className="text-sm text-muted-foreground">Loading…</p>
        ) : list.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {describeApiError(list.error)}
          </p>
        ) : list.data.length === 0 ? (
          <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">No labels yet.</p>
        ) : (
          <ul className="divide-y rounded-xl border" aria-label="Labels">
            {list.data.map((label) => (
              <li key={label.id} className="flex items-center gap-3 p-3">
                <span className="size-3 rounded-full" style={{ backgroundColor: label.color }} aria-hidden />
                <span className="flex-1 font-medium">{label.name}</span>
                <Button variant="ghost" size="icon" className="size-8" aria-label={`Edit ${label.name}`} onClick={() => setEditing(label)}>
                  <Pencil />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-8 text-destructive"
                  aria-label={`Delete ${label.name}`}
                  disabled={remove.isPending}
                  onClick={() => {
                    if (!window.confirm(`Delete the label “${label.name}”? It is removed from every conversation.`)) return;
                    remove.mutate(label.id, { onError: (error) => toast.error(describeApiError(error)) });
                  }}
                >
                  <Trash2 />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </PageContainer>
  );
}
