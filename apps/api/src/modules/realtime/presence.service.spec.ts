import { Role } from '@ticklegram/domain-models';
import { PresenceService, TYPING_TTL_MS } from './presence.service';
import { RealtimeService } from './realtime.service';

describe('PresenceService', () => {
  let emitted: { to: string; event: string; payload: unknown }[];
  let presence: PresenceService;

  beforeEach(() => {
    jest.useFakeTimers();
    emitted = [];
    const realtime = {
      toRole: (role: Role, event: string, payload: unknown) => emitted.push({ to: `role:${role}`, event, payload }),
      toConversation: (id: string, event: string, payload: unknown) => emitted.push({ to: `conversation:${id}`, event, payload }),
    } as unknown as RealtimeService;
    presence = new PresenceService(realtime);
  });
  afterEach(() => {
    presence.onApplicationShutdown();
    jest.useRealTimers();
  });

  const alice = { id: 'u-alice', name: 'Alice', role: Role.AGENT };

  it('is online from the first socket until the last one closes', () => {
    expect(presence.connected('s1', alice)).toBe(true);
    expect(presence.connected('s2', alice)).toBe(false);
    presence.disconnected('s1', alice.id);
    expect(presence.isOnline(alice.id)).toBe(true);
    presence.disconnected('s2', alice.id);
    expect(presence.isOnline(alice.id)).toBe(false);
    expect(emitted.filter((e) => e.event === 'presence.online_changed').map((e) => (e.payload as { online: boolean }).online)).toEqual([true, true, false, false]);
  });

  it('lists viewers once per user, and drops them (and their typing) when their last socket leaves', () => {
    presence.connected('s1', alice);
    presence.connected('s2', alice);
    presence.startViewing('c1', 's1', alice.id);
    expect(presence.startViewing('c1', 's2', alice.id).viewers).toEqual([{ userId: alice.id, name: 'Alice' }]);
    presence.setTyping('c1', alice.id, true);
    expect(presence.stopViewing('c1', 's1', alice.id)).toBe(false);
    expect(presence.snapshot('c1').typing).toHaveLength(1);
    presence.disconnected('s2', alice.id);
    expect(presence.snapshot('c1')).toEqual({ conversationId: 'c1', viewers: [], typing: [] });
  });

  it('typing expires without a new signal and reports only real changes', () => {
    presence.connected('s1', alice);
    expect(presence.setTyping('c1', alice.id, true)).toBe(true);
    jest.advanceTimersByTime(TYPING_TTL_MS - 100);
    expect(presence.setTyping('c1', alice.id, true)).toBe(false); // still typing: refreshed, no change
    jest.advanceTimersByTime(TYPING_TTL_MS - 100);
    expect(presence.snapshot('c1').typing).toHaveLength(1);
    jest.advanceTimersByTime(200);
    expect(presence.snapshot('c1').typing).toEqual([]);
    expect(presence.setTyping('c1', alice.id, false)).toBe(false);
    const updates = emitted.filter((e) => e.event === 'presence.updated').map((e) => (e.payload as { typing: unknown[] }).typing.length);
    expect(updates).toEqual([1, 0]);
  });
});
