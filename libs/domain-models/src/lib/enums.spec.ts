import { MESSAGE_PLATFORMS, MessagePlatform, Role, ROLES } from './enums';

describe('enums', () => {
  it('keep the wire values the legacy system used', () => {
    expect(MESSAGE_PLATFORMS).toEqual(['INSTAGRAM', 'FACEBOOK']);
    expect(MessagePlatform.INSTAGRAM).toBe('INSTAGRAM');
    expect(ROLES).toEqual([Role.ADMIN, Role.AGENT]);
    expect(Role.AGENT).toBe('AGENT');
  });
});
