'use client';

import * as React from 'react';
import { MessageSquareText } from 'lucide-react';
import type { CannedResponseDto } from '@ticklegram/domain-models';
import { AdminSettingsPage } from '../../auth/components/admin-settings-page';
import { EmptyState, LoadingState, QueryStates } from '../../../components/data-states';
import { EditableList } from '../../../components/editable-list';
import { useCannedResponses, useDeleteCannedResponse } from '../api';
import { CannedResponseForm } from './canned-response-form';

/** Settings → Canned responses (admins): type `/shortcut` in the composer to insert one. */
export function CannedResponsesView() {
  return (
    <AdminSettingsPage title="Canned responses" description="Saved replies everyone can insert by typing / in the composer.">
      <CannedResponses />
    </AdminSettingsPage>
  );
}

function CannedResponses() {
  const list = useCannedResponses();
  const remove = useDeleteCannedResponse();
  const [editing, setEditing] = React.useState<CannedResponseDto | null>(null);
  return (
    <div className="mt-8 grid gap-6">
      <CannedResponseForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
      <QueryStates
        query={list}
        loading={<LoadingState label="Loading canned responses" />}
        errorTitle="Couldn't load canned responses"
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState icon={MessageSquareText} title="No canned responses yet">
            Add one above; agents insert it by typing / and its shortcut.
          </EmptyState>
        }
      >
        {(items) => (
          <EditableList
            label="Canned responses"
            items={items}
            itemName={(item) => `/${item.shortcut}`}
            confirmDelete={(item) => `Delete /${item.shortcut}?`}
            onEdit={setEditing}
            remove={remove}
            rowClassName="items-start"
            renderItem={(item) => (
              <>
                <span className="font-mono text-sm text-primary">/{item.shortcut}</span>
                <span className="grid flex-1 gap-0.5">
                  <span className="font-medium">{item.title}</span>
                  <span className="whitespace-pre-wrap text-sm text-muted-foreground">{item.body}</span>
                </span>
              </>
            )}
          />
        )}
      </QueryStates>
    </div>
  );
}
