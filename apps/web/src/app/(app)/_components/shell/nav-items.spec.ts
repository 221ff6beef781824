import { Role } from '@ticklegram/domain-models';
import { PRIMARY_NAV, SETTINGS_NAV, isNavActive, visibleNav } from './nav-items';

const ALL = [...PRIMARY_NAV, ...SETTINGS_NAV];
const byHref = (href: string) => {
  const item = ALL.find((i) => i.href === href);
  if (!item) throw new Error(`no nav item ${href}`);
  return item;
};

describe('visibleNav', () => {
  it('shows Users to admins only', () => {
    expect(visibleNav(SETTINGS_NAV, Role.ADMIN).map((i) => i.label)).toEqual(['Settings', 'Users', 'Webhooks', 'Comment rules', 'Conversions API']);
    expect(visibleNav(SETTINGS_NAV, Role.AGENT).map((i) => i.label)).toEqual(['Settings']);
    expect(visibleNav(SETTINGS_NAV, undefined).map((i) => i.label)).toEqual(['Settings']);
  });

  it('shows every product section to agents', () => {
    expect(visibleNav(PRIMARY_NAV, Role.AGENT).map((i) => i.label)).toEqual([
      'Inbox',
      'Comments',
      'Insights',
      'Analytics',
      'Templates',
      'Attribution',
      'Accounts',
    ]);
  });
});

describe('isNavActive', () => {
  it('lights up a section for its own pages', () => {
    expect(isNavActive(byHref('/inbox'), '/inbox', ALL)).toBe(true);
    expect(isNavActive(byHref('/inbox'), '/inbox/c_123', ALL)).toBe(true);
    expect(isNavActive(byHref('/inbox'), '/inboxes', ALL)).toBe(false);
  });

  it('does not light up Settings on the Users page, which has its own link', () => {
    expect(isNavActive(byHref('/settings/users'), '/settings/users', ALL)).toBe(true);
    expect(isNavActive(byHref('/settings'), '/settings/users', ALL)).toBe(false);
    expect(isNavActive(byHref('/settings'), '/settings/profile', ALL)).toBe(true);
  });
});
