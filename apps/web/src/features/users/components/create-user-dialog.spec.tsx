import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider } from '../../auth/auth-provider';
import { CreateUserDialog } from './create-user-dialog';

jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace: jest.fn(), push: jest.fn(), refresh: jest.fn() }),
  usePathname: () => '/settings/users',
  useSearchParams: () => new URLSearchParams(),
}));

interface SentRequest {
  url: string;
  body: unknown;
}

function renderDialog(answer: (request: SentRequest) => Response) {
  const sent: SentRequest[] = [];
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    sent.push(request);
    return answer(request);
  }) as typeof fetch;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <CreateUserDialog />
      </AuthProvider>
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Add teammate' }));
  return sent;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function submit() {
  const dialog = screen.getByRole('dialog');
  const buttons = Array.from(dialog.querySelectorAll('button[type="submit"]'));
  const button = buttons[0];
  if (!(button instanceof HTMLButtonElement)) throw new Error('no submit button');
  fireEvent.click(button);
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('CreateUserDialog', () => {
  it('shows the server’s field errors next to the fields they belong to', async () => {
    const sent = renderDialog(() =>
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid.',
        errors: [
          { field: 'email', messages: ['email domain is not allowed'] },
          { field: 'name', messages: ['name contains unsupported characters'] },
        ],
      }),
    );
    fill('Name', 'Alex Morgan');
    fill('Email', 'alex@example.test');
    fill('Password', 'long-enough-password');
    submit();

    expect(await screen.findByText('email domain is not allowed')).toBeTruthy();
    expect(screen.getByText('name contains unsupported characters')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([
      {
        url: '/api/users',
        body: { name: 'Alex Morgan', email: 'alex@example.test', role: 'AGENT', password: 'long-enough-password' },
      },
    ]);
  });

  it('explains a taken email on the email field', async () => {
    renderDialog(() => json(409, { statusCode: 409, code: 'USERS_EMAIL_TAKEN', message: 'Email already in use' }));
    fill('Name', 'Alex Morgan');
    fill('Email', 'alex@example.test');
    fill('Password', 'long-enough-password');
    submit();
    expect(await screen.findByText('A teammate with this email already exists.')).toBeTruthy();
  });

  it('shows a general error when the failure is not about a field', async () => {
    renderDialog(() => json(500, { statusCode: 500, code: 'INTERNAL', message: 'boom', errorId: 'e-7' }));
    fill('Name', 'Alex Morgan');
    fill('Email', 'alex@example.test');
    fill('Password', 'long-enough-password');
    submit();
    expect(await screen.findByText('The server had a problem (reference e-7). Please try again.')).toBeTruthy();
  });

  it('checks the fields before sending anything', async () => {
    const sent = renderDialog(() => json(201, {}));
    fill('Email', 'not-an-email');
    fill('Password', 'short');
    submit();
    expect(await screen.findByText('Enter a name.')).toBeTruthy();
    expect(screen.getByText('Enter a valid email address.')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    await waitFor(() => expect(sent).toHaveLength(0));
  });
});
