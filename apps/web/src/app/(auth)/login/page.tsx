import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Brand } from '../../../components/shell/brand';
import { LoginForm } from '../../../features/auth/components/login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Brand />
        </div>
        <div className="rounded-xl border bg-card p-8 shadow-sm">
          <div className="mb-6 text-center">
            <h1 className="text-xl font-semibold tracking-tight">Sign in to your inbox</h1>
            <p className="mt-1.5 text-sm text-muted-foreground">Use the email and password your admin gave you.</p>
          </div>
          <Suspense>
            <LoginForm />
          </Suspense>
        </div>
        <p className="mt-6 text-center text-xs text-muted-foreground">Forgot your password? Ask a workspace admin to reset it.</p>
      </div>
    </main>
  );
}
