import { loginSchema, safeNextPath } from './schemas';

describe('safeNextPath', () => {
  it.each([
    ['/settings/users', '/settings/users'],
    ['/inbox?folder=mine', '/inbox?folder=mine'],
    [null, '/inbox'],
    ['', '/inbox'],
    ['https://evil.test/', '/inbox'],
    ['//evil.test/path', '/inbox'],
    ['/\\evil.test', '/inbox'],
    ['/login', '/inbox'],
    ['/login?next=/inbox', '/inbox'],
    ['/api/auth/logout', '/inbox'],
  ])('%p -> %p', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe('loginSchema', () => {
  it('trims the email and explains empty or malformed fields', () => {
    expect(loginSchema.parse({ email: '  a@b.test ', password: 'x' })).toEqual({ email: 'a@b.test', password: 'x' });
    const result = loginSchema.safeParse({ email: 'nope', password: '' });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(['email: Enter a valid email address.', 'password: Enter your password.']);
  });
});
