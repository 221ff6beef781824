'use client';

import * as React from 'react';
import type { CannedResponseDto } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { fieldErrorMessages } from '../../../lib/api/api-error';
import { saveWithToast } from '../../../lib/save-with-toast';
import { useSaveCannedResponse } from '../api';

/** Create (no `editing`) or edit a canned response; field errors come from the api's 400. */
export function CannedResponseForm({ editing, onDone }: { editing: CannedResponseDto | null; onDone: () => void }) {
  const save = useSaveCannedResponse();
  const [shortcut, setShortcut] = React.useState(editing?.shortcut ?? '');
  const [title, setTitle] = React.useState(editing?.title ?? '');
  const [body, setBody] = React.useState(editing?.body ?? '');
  const errors = fieldErrorMessages(save.error);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (
      !(await saveWithToast(() => save.mutateAsync({ id: editing?.id, shortcut, title, body }), editing ? 'Canned response updated' : 'Canned response added'))
    )
      return;
    if (!editing) {
      setShortcut('');
      setTitle('');
      setBody('');
      save.reset();
    }
    onDone();
  }

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      className="grid gap-3 rounded-xl border bg-card p-4"
      aria-label={editing ? 'Edit canned response' : 'New canned response'}
    >
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <div className="grid gap-1">
          <Label htmlFor="canned-shortcut">Shortcut</Label>
          <Input
            id="canned-shortcut"
            value={shortcut}
            onChange={(e) => setShortcut(e.target.value)}
            placeholder="thanks"
            aria-invalid={Boolean(errors.shortcut)}
            required
          />
          {errors.shortcut ? <p className="text-xs text-destructive">{errors.shortcut}</p> : null}
        </div>
        <div className="grid gap-1">
          <Label htmlFor="canned-title">Title</Label>
          <Input
            id="canned-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Thank you"
            aria-invalid={Boolean(errors.title)}
            required
          />
          {errors.title ? <p className="text-xs text-destructive">{errors.title}</p> : null}
        </div>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="canned-body">Text</Label>
        <textarea
          id="canned-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          required
          aria-invalid={Boolean(errors.body)}
          className="rounded-md border bg-transparent px-3 py-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        />
        {errors.body ? <p className="text-xs text-destructive">{errors.body}</p> : null}
      </div>
      <div className="flex justify-end gap-2">
        {editing ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={save.isPending}>
          {editing ? 'Save' : 'Add canned response'}
        </Button>
      </div>
    </form>
  );
}
