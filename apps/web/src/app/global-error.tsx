'use client';

import './global.css';

/** Last resort when the root layout itself fails; it replaces the whole document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-svh flex-col items-center justify-center gap-3 px-6 text-center font-sans">
        <h1 className="text-xl font-semibold">TickleGram hit a problem</h1>
        <p className="max-w-sm text-sm text-muted-foreground">Reload the page to continue{error.digest ? ` (reference ${error.digest})` : ''}.</p>
        <button
          type="button"
          onClick={reset}
          className="mt-3 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          Try again
        </button>
      </body>
    </html>
  );
}
