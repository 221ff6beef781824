import { fireEvent, render, screen } from '@testing-library/react';
import { Toaster } from 'sonner';
import { ApiError } from '../lib/api/api-error';
import { EditableList } from './editable-list';

const ITEMS = [
  { id: 'l1', name: 'VIP' },
  { id: 'l2', name: 'Refund' },
];

function renderList(mutate: jest.Mock, onEdit = jest.fn()) {
  render(
    <>
      <EditableList
        label="Labels"
        items={ITEMS}
        itemName={(item) => item.name}
        confirmDelete={(item) => `Delete ${item.name}?`}
        onEdit={onEdit}
        remove={{ mutate, isPending: false }}
        renderItem={(item) => <span>{item.name}</span>}
      />
      <Toaster />
    </>,
  );
  return onEdit;
}

describe('EditableList', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hands the row to onEdit', () => {
    const onEdit = renderList(jest.fn());
    fireEvent.click(screen.getByRole('button', { name: 'Edit Refund' }));
    expect(onEdit).toHaveBeenCalledWith(ITEMS[1]);
  });

  it('deletes only after the confirmation is accepted', () => {
    const mutate = jest.fn();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderList(mutate);
    fireEvent.click(screen.getByRole('button', { name: 'Delete VIP' }));
    expect(confirm).toHaveBeenLastCalledWith('Delete VIP?');
    expect(mutate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete VIP' }));
    expect(mutate).toHaveBeenCalledWith('l1', expect.anything());
  });

  it('says in plain words why a delete failed', async () => {
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    renderList(
      jest.fn((_id: string, { onError }: { onError: (e: unknown) => void }) =>
        onError(new ApiError({ statusCode: 0, code: 'WEB_NETWORK_ERROR', message: 'fetch failed' })),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete Refund' }));
    expect(await screen.findByText("Can't reach the server. Check your connection and try again.")).toBeTruthy();
  });
});
