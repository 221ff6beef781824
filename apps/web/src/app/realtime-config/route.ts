// Read per request, not at build time: one build serves any deployment, and the pages stay static.
export const dynamic = 'force-dynamic';

/** Where browsers open the realtime socket (`API_PUBLIC_URL`); not a secret, asked once per tab. */
export function GET(): Response {
  return Response.json({ apiPublicUrl: process.env['API_PUBLIC_URL'] || 'http://localhost:3001' }, { headers: { 'cache-control': 'no-store' } });
}
