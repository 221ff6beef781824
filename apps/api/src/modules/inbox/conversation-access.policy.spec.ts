import { Role } from '@ticklegram/domain-models';
import { IsNull } from 'typeorm';
import { ConversationAccessPolicy } from './conversation-access.policy';

describe('ConversationAccessPolicy', () => {
  const agent = { id: 'agent-1', role: Role.AGENT };
  const admin = { id: 'admin-1', role: Role.ADMIN };

  it.each([
    [admin, 'someone-else', true],
    [admin, null, true],
    [agent, 'agent-1', true],
    [agent, null, true],
    [agent, 'agent-2', false],
  ])('%o sees a conversation assigned to %s: %s', (caller, assigneeId, expected) => {
    expect(ConversationAccessPolicy.canSee(caller, { assigneeId })).toBe(expected);
  });

  it('scopes find conditions: admins unrestricted, agents to their own or unassigned', () => {
    expect(ConversationAccessPolicy.where(admin, { id: 'c1' })).toEqual([{ id: 'c1' }]);
    expect(ConversationAccessPolicy.where(agent, { id: 'c1' })).toEqual([
      { id: 'c1', assigneeId: 'agent-1' },
      { id: 'c1', assigneeId: IsNull() },
    ]);
  });
});
