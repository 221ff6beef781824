import { Role } from '@ticklegram/domain-models';
import { IsNull } from 'typeorm';
import { ConversationAccessPolicy } from './conversation-access.policy';
import { nextUnderCapacity } from './round-robin.subscriber';

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

describe('nextUnderCapacity (round-robin)', () => {
  const all = ['a', 'b', 'c'];
  it('starts at the first, then continues after the last one assigned, wrapping around', () => {
    expect(nextUnderCapacity(all, null, () => true)).toBe('a');
    expect(nextUnderCapacity(all, 'a', () => true)).toBe('b');
    expect(nextUnderCapacity(all, 'c', () => true)).toBe('a');
    // the last one went offline: continue with the next id after it
    expect(nextUnderCapacity(['a', 'c'], 'b', () => true)).toBe('c');
  });
  it('skips agents at capacity and gives up when everyone is full', () => {
    expect(nextUnderCapacity(all, 'a', (id) => id !== 'b')).toBe('c');
    expect(nextUnderCapacity(all, null, () => false)).toBeNull();
  });
});
