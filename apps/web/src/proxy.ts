import { NextResponse, type NextRequest } from 'next/server';
import { REFRESH_COOKIE_NAME } from '@ticklegram/domain-models';
import { contentSecurityPolicy } from './lib/content-security-policy';

const PUBLIC_PATHS = ['/login'];

/** Read per request (runtime env), so one built image serves any api origin. */
function withSecurityHeaders(response: NextResponse): NextResponse {
  response.headers.set(
    'Content-Security-Policy',
    contentSecurityPolicy({
      apiPublicUrl: process.env['API_PUBLIC_URL'] || 'http://localhost:3001',
      extraImageOrigins: process.env['WEB_CSP_IMAGE_ORIGINS'],
      development: process.env.NODE_ENV === 'development',
    }),
  );
  return response;
}

/**
 * Optimistic route guard: only checks that a refresh cookie exists. The api decides whether the
 * session is real; a dead cookie is cleared by the /api proxy when refresh answers 401. Every page
 * also gets the dashboard's Content-Security-Policy.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.has(REFRESH_COOKIE_NAME);
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

  if (!hasSession && !isPublic) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(login));
  }
  if (hasSession && isPublic) {
    const next = request.nextUrl.searchParams.get('next');
    const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox';
    return withSecurityHeaders(NextResponse.redirect(new URL(target, request.url)));
  }
  return withSecurityHeaders(NextResponse.next());
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|woff2?)$).*)'],
};
