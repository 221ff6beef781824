import { Role } from '@ticklegram/domain-models';
import { initials, roleLabel } from './format';

describe('teammate formatting', () => {
  it.each([
    ['Ana Lima', 'AL'],
    ['ana maria lima', 'AL'],
    ['  Ana  ', 'A'],
    ['', '?'],
  ])('initials of %j are %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('labels roles', () => {
    expect(roleLabel(Role.ADMIN)).toBe('Admin');
    expect(roleLabel(Role.AGENT)).toBe('Agent');
  });
});
