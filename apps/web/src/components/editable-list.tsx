'use client';

import type * as React from 'react';
import { Pencil, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { describeApiError } from '../lib/api/api-error';
import { cn } from '../lib/utils';
import { Button } from './ui/button';

/** The part of a react-query delete mutation the list needs. */
interface DeleteById {
  mutate: (id: string, options: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

/**
 * A settings list whose rows can be edited (hands the row to `onEdit`, e.g. to fill a form) and
 * deleted after a confirmation; a failed delete is shown as a toast in plain words.
 */
export function EditableList<T extends { id: string }>({
  label,
  items,
  itemName,
  confirmDelete,
  onEdit,
  remove,
  renderItem,
  rowClassName,
}: {
  label: string;
  items: readonly T[];
  /** How buttons name the row to screen readers ("Edit /hello"). */
  itemName: (item: T) => string;
  confirmDelete: (item: T) => string;
  onEdit: (item: T) => void;
  remove: DeleteById;
  renderItem: (item: T) => React.ReactNode;
  rowClassName?: string;
}) {
  return (
    <ul className="divide-y rounded-xl border" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className={cn('flex items-center gap-3 p-3', rowClassName)}>
          {renderItem(item)}
          <Button variant="ghost" size="icon" className="size-8" aria-label={`Edit ${itemName(item)}`} onClick={() => onEdit(item)}>
            <Pencil />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-8 text-destructive"
            aria-label={`Delete ${itemName(item)}`}
            disabled={remove.isPending}
            onClick={() => {
              if (!window.confirm(confirmDelete(item))) return;
              remove.mutate(item.id, { onError: (error) => toast.error(describeApiError(error)) });
            }}
          >
            <Trash2 />
          </Button>
        </li>
      ))}
    </ul>
  );
}
