import { act, render, screen } from '@testing-library/react';
import { Toaster } from 'sonner';
import { ApiError } from './api/api-error';
import { saveWithToast } from './save-with-toast';

const fieldError = new ApiError({
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'Some fields are invalid.',
  errors: [{ field: 'name', messages: ['name must be shorter'] }],
});
const offline = new ApiError({ statusCode: 0, code: 'WEB_NETWORK_ERROR', message: 'fetch failed' });

describe('saveWithToast', () => {
  beforeEach(() => render(<Toaster />));

  it('confirms a save', async () => {
    let saved = false;
    await act(async () => {
      saved = await saveWithToast(async () => 'ok', 'Label added');
    });
    expect(saved).toBe(true);
    expect(await screen.findByText('Label added')).toBeTruthy();
  });

  it('explains a failure in plain words', async () => {
    let saved = true;
    await act(async () => {
      saved = await saveWithToast(() => Promise.reject(offline), 'Label added');
    });
    expect(saved).toBe(false);
    expect(await screen.findByText("Can't reach the server. Check your connection and try again.")).toBeTruthy();
  });

  it('leaves field errors to the form', async () => {
    let saved = true;
    await act(async () => {
      saved = await saveWithToast(() => Promise.reject(fieldError), 'Label added');
      await saveWithToast(async () => 'ok', 'Second save');
    });
    expect(saved).toBe(false);
    await screen.findByText('Second save');
    expect(screen.queryByText('Some fields are invalid.')).toBeNull();
    expect(screen.queryByText('name must be shorter')).toBeNull();
  });
});
