'use client';

import * as React from 'react';
import { Pencil, Trash2 } from 'lucide-react';
import { Role, type CannedResponseDto } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Forbidden } from '../../../components/forbidden';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { describeApiError } from '../../../lib/api/api-error';
import { useAuth } from '../../auth/auth-provider';
import { useCannedResponses, useDeleteCannedResponse } from '../api';
import { CannedResponseForm } from './canned-response-form';

/** Settings → Canned responses (admins): type `/shortcut` in the composer to insert one. */
export function CannedResponsesView() {
  const { user } = useAuth();
  const list = useCannedResponses();
  const remove = useDeleteCannedResponse();
  const [editing, setEditing] = React.useState<CannedResponseDto | null>(null);

  if (!user) return null;
  if (user.role !== Role.ADMIN) return <Forbidden />;

  return (
    <PageContainer>
      <PageHeader title="Canned responses" description="Saved replies everyone can insert by typing / in the composer." />
      <div className="mt-8 grid gap-6">
        <CannedResponseForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
        {list.isPending ? (
          <p className="text-sm text-muted-foreground">Loading…</p>
        ) : list.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {describeApiError(list.error)}
          </p>
        ) : list.data.length === 0 ? (
          <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">No canned responses yet.</p>
        ) : (
          <ul className="divide-y rounded-xl border" aria-label="Canned responses">
            {list.data.map((item) => (
              <li key={item.id} className="flex items-start gap-3 p-3">
                <span className="font-mono text-sm text-primary">/{item.shortcut}</span>
                <span className="grid flex-1 gap-0.5">
                  <span className="font-medium">{item.title}</span>
                  <span className="whitespace-pre-wrap text-sm text-muted-foreground">{item.body}</span>
                </span>
                <Button variant="ghost" size="icon" className="size-8" aria-label={`Edit /${item.shortcut}`} onClick={() => setEditing(item)}>
                  <Pencil />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-8 text-destructive"
                  aria-label={`Delete /${item.shortcut}`}
                  disabled={remove.isPending}
                  onClick={() => {
                    if (!window.confirm(`Delete /${item.shortcut}?`)) return;
                    remove.mutate(item.id, { onError: (error) => toast.error(describeApiError(error)) });
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
