import { loginThrottleKey } from './login-throttle-key';

describe('loginThrottleKey', () => {
  it.each([
    ['jose@example.com', 'jose@example.com'],
    ['JOSE@EXAMPLE.COM', 'jose@example.com'],
    ['José@example.com', 'jose@example.com'],
    ['Jose\u0301@example.com', 'jose@example.com'],
    ['jo\u200bse@example.com', 'jose@example.com'],
    ['ｊｏｓｅ@ｅｘａｍｐｌｅ.ｃｏｍ', 'jose@example.com'],
    [' jose@example.com\t', 'jose@example.com'],
    ['STRAẞE@example.com', 'strasse@example.com'],
    ['straße@example.com', 'strasse@example.com'],
    ['ﬁona@example.com', 'fiona@example.com'],
    ['Zoë.Ångström@exämple.com', 'zoe.angstrom@example.com'],
  ])('%s → %s', (input, expected) => {
    expect(loginThrottleKey(input)).toBe(expected);
  });

  it('keeps different addresses apart', () => {
    expect(loginThrottleKey('jose@example.com')).not.toBe(loginThrottleKey('josh@example.com'));
  });
});
