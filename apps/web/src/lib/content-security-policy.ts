/** Meta's media CDNs: profile pictures, story previews and channel avatars load straight from them. */
export const META_IMAGE_SOURCES = ['https://*.fbcdn.net', 'https://*.cdninstagram.com', 'https://*.fbsbx.com'];

export interface CspOptions {
  /** The api origin browsers open the realtime socket on (API_PUBLIC_URL). */
  apiPublicUrl: string;
  /** More image origins, space- or comma-separated (WEB_CSP_IMAGE_ORIGINS: the simulator in the sandbox). */
  extraImageOrigins?: string;
  /** `next dev` needs eval for fast refresh. */
  development?: boolean;
}

function origin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The dashboard's Content-Security-Policy: only what the app really loads. Scripts and styles come from
 * our origin (Next.js inlines its bootstrap data, hence 'unsafe-inline'); the socket connects to the api
 * origin (http and ws); images also from data:/blob: (attachments fetched with the token) and Meta's CDN.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const api = origin(options.apiPublicUrl);
  const socket = api ? [api, api.replace(/^http/, 'ws')] : [];
  const extraImages = (options.extraImageOrigins ?? '')
    .split(/[\s,]+/)
    .map((candidate) => origin(candidate))
    .filter((candidate): candidate is string => candidate !== null);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(options.development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...META_IMAGE_SOURCES, ...extraImages],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...socket, ...(options.development ? ['ws:'] : [])],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}
