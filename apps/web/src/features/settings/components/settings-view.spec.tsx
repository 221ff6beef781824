import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Role } from '@ticklegram/domain-models';
import { jsonResponse, renderSignedIn, serveApi, type SentRequest } from '../../auth/auth-test-harness';
import { capacityProblem } from './assignment-settings-form';
import { SettingsView } from './settings-view';

jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace: jest.fn(), push: jest.fn(), refresh: jest.fn() }),
}));

/** The api's assignment settings: GET answers what was last PUT (or what `reject` says). */
function assignmentApi(initial = { autoAssign: false, capacity: 10 }, reject?: (body: unknown) => Response | null) {
  let stored = initial;
  return ({ method, url, body }: SentRequest) => {
    if (!url.endsWith('/api/settings/assignment')) return null;
    if (method === 'PUT') {
      const refused = reject?.(body);
      if (refused) return refused;
      stored = body as typeof stored;
    }
    return jsonResponse(200, stored);
  };
}

const saveButton = () => screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
const capacityInput = () => screen.getByLabelText('Open conversations per agent') as HTMLInputElement;
const roundRobin = () => screen.getByRole('switch', { name: 'Round-robin assignment' });

describe('SettingsView', () => {
  it('shows an admin the round-robin settings and saves a change', async () => {
    const sent = serveApi(assignmentApi(), { role: Role.ADMIN, name: 'Ada Admin' });
    renderSignedIn(<SettingsView />);

    expect(await screen.findByRole('switch', { name: 'Round-robin assignment' })).toHaveProperty('ariaChecked', 'false');
    expect(capacityInput().value).toBe('10');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('settings-account').textContent).toContain('Ada Admin');
    for (const page of ['Users', 'Labels', 'Canned responses', 'Webhooks']) expect(screen.getByRole('link', { name: new RegExp(`^${page}`) })).toBeTruthy();

    fireEvent.click(roundRobin());
    fireEvent.change(capacityInput(), { target: { value: '5' } });
    fireEvent.click(saveButton());

    await waitFor(() =>
      expect(sent.filter((r) => r.method === 'PUT')).toEqual([{ method: 'PUT', url: '/api/settings/assignment', body: { autoAssign: true, capacity: 5 } }]),
    );
    // the form starts over from what the api saved
    await waitFor(() => expect(saveButton().disabled).toBe(true));
    expect(roundRobin().getAttribute('aria-checked')).toBe('true');
    expect(capacityInput().value).toBe('5');
  });

  it('checks the capacity before sending and shows the api’s field reasons', async () => {
    const refuse = () =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid.',
        errors: [{ field: 'capacity', messages: ['capacity must not be greater than 1000'] }],
      });
    const sent = serveApi(assignmentApi(undefined, refuse), { role: Role.ADMIN });
    renderSignedIn(<SettingsView />);
    await screen.findByRole('switch', { name: 'Round-robin assignment' });

    fireEvent.change(capacityInput(), { target: { value: '0' } });
    fireEvent.click(saveButton());
    expect(await screen.findByText('Enter a whole number from 1 to 1000.')).toBeTruthy();
    expect(capacityInput().getAttribute('aria-invalid')).toBe('true');
    expect(sent.filter((r) => r.method === 'PUT')).toEqual([]);

    fireEvent.change(capacityInput(), { target: { value: '12' } });
    fireEvent.click(saveButton());
    expect(await screen.findByText('capacity must not be greater than 1000')).toBeTruthy();
  });

  it('shows an agent their account and who manages the workspace, without asking for admin settings', async () => {
    const sent = serveApi(assignmentApi(), { role: Role.AGENT, name: 'Tess Agent', email: 'tess@example.test' });
    renderSignedIn(<SettingsView />);
    expect(await screen.findByTestId('settings-admin-only')).toBeTruthy();
    expect(screen.getByTestId('settings-account').textContent).toContain('tess@example.test');
    expect(screen.getByTestId('settings-account').textContent).toContain('Agent');
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByRole('link', { name: /^Users/ })).toBeNull();
    expect(sent).toEqual([]);
  });
});

describe('capacityProblem', () => {
  it.each([
    ['1', null],
    ['1000', null],
    ['0', 'Enter a whole number from 1 to 1000.'],
    ['1001', 'Enter a whole number from 1 to 1000.'],
    ['2.5', 'Enter a whole number from 1 to 1000.'],
    ['', 'Enter a whole number from 1 to 1000.'],
  ])('%s → %s', (text, expected) => expect(capacityProblem(text)).toBe(expected));
});
