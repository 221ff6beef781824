/**
 * The email as the login throttle counts it: one budget for every spelling the database treats as the
 * same address. MySQL's utf8mb4_unicode_ci compares case- and accent-insensitively and ignores format
 * characters, so `José@x`, `JOSE@x`, `jose\u200b@x` and the fullwidth `ｊｏｓｅ@x` share one budget.
 */
export function loginThrottleKey(email: string): string {
  return (
    email
      .normalize('NFKD')
      .replace(/[\p{M}\p{Cf}\p{Cc}]+/gu, '')
      .normalize('NFKC')
      // a simple case fold: lower, upper, lower again folds ẞ/ß to ss as the collation does
      .toLowerCase()
      .toUpperCase()
      .toLowerCase()
      .replace(/\s+/gu, '')
  );
}
