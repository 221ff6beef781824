import Link from 'next/link';
import { Button } from '../components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold tracking-wide text-muted-foreground">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">We can&apos;t find that page</h1>
      <p className="mt-2 text-sm text-muted-foreground">The link may be old, or the page may have moved.</p>
      <Button asChild className="mt-6">
        <Link href="/inbox">Go to the inbox</Link>
      </Button>
    </main>
  );
}
