import { contentSecurityPolicy } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy({
    apiPublicUrl: 'https://api.inbox.example.com/',
    extraImageOrigins: 'http://localhost:3002, http://127.0.0.1:3002 javascript:alert(1)',
  });

  it('lets the socket reach the api origin over http and ws, and nothing else', () => {
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://api.inbox.example.com', 'wss://api.inbox.example.com']);
  });

  it('loads images from us, data:/blob:, Meta CDN hosts and the configured extra origins only', () => {
    expect(directive(policy, 'img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://*.fbcdn.net',
      'https://*.cdninstagram.com',
      'https://*.fbsbx.com',
      'http://localhost:3002',
      'http://127.0.0.1:3002',
    ]);
    expect(directive(policy, 'media-src')).toEqual(["'self'", 'blob:']);
  });

  it('forbids framing, plugins, foreign scripts and form targets; eval only in development', () => {
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    expect(directive(contentSecurityPolicy({ apiPublicUrl: 'http://localhost:3001', development: true }), 'script-src')).toContain("'unsafe-eval'");
  });

  it('ignores an api URL that is not http(s)', () => {
    expect(directive(contentSecurityPolicy({ apiPublicUrl: 'javascript:alert(1)' }), 'connect-src')).toEqual(["'self'"]);
  });
});
