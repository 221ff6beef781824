import { Role, rooms } from '@ticklegram/domain-models';
import { PresenceService, PresenceSocketData, TYPING_TTL_MS } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

interface FakeSocket {
  id: string;
  data: Partial<PresenceSocketData>;
  rooms: Set<string>;
}

describe('PresenceService', () => {
  let sockets: FakeSocket[];
  let emitted: { to: string | string[]; event: string; payload: unknown }[];
  let presence: PresenceService;

  const alice = { id: 'u-alice', email: 'alice@x.test', role: Role.AGENT };
  const bob = { id: 'u-bob', email: 'bob@x.test', role: Role.AGENT };
  const open = (id: string, user: typeof alice): FakeSocket => {
    const socket = { id, data: { user }, rooms: new Set([rooms.user(user.id), rooms.role(user.role)]) };
    sockets.push(socket);
    return socket;
  };
  const close = (socket: FakeSocket) => {
    sockets = sockets.filter((s) => s !== socket);
  };
  const updates = (conversationId: string) =>
    emitted
      .filter((e) => e.event === 'presence.updated' && (e.payload as { conversationId: string }).conversationId === conversationId)
      .map((e) => e.payload as { viewers: { userId: string }[]; typing: { userId: string }[] });
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    sockets = [];
    emitted = [];
    // stands in for Socket.IO: fetchSockets() reads room membership and socket.data, like the adapter does across replicas
    const gateway = {
      server: {
        in: (room: string | string[]) => ({
          fetchSockets: async () => sockets.filter((s) => (Array.isArray(room) ? room : [room]).some((r) => s.rooms.has(r))),
        }),
        local: { in: () => ({ fetchSockets: async () => [] }) },
      },
    } as unknown as RealtimeGateway;
    const realtime = {
      toConversation: (id: string, event: string, payload: unknown) => emitted.push({ to: `conversation:${id}`, event, payload }),
      toRooms: (to: string[], event: string, payload: unknown) => emitted.push({ to, event, payload }),
    } as unknown as RealtimeService;
    presence = new PresenceService(gateway, realtime);
  });
  afterEach(() => presence.onApplicationShutdown());

  it('announces a user online with their first socket and offline when the last one closes', async () => {
    const s1 = open('s1', alice);
    await presence.connected(s1, 'Alice');
    const s2 = open('s2', alice);
    await presence.connected(s2, 'Alice');
    close(s1);
    await presence.disconnected('s1', alice, 'Alice');
    expect((await presence.onlineUsers()).map((u) => u.userId)).toEqual([alice.id]);
    close(s2);
    await presence.disconnected('s2', alice, 'Alice');
    expect(emitted.filter((e) => e.event === 'presence.online_changed').map((e) => (e.payload as { online: boolean }).online)).toEqual([true, false]);
  });

  it('lists each viewer once and shows who is typing, until they stop or leave', async () => {
    const a1 = open('a1', alice);
    const a2 = open('a2', alice);
    const b1 = open('b1', bob);
    for (const [socket, name] of [
      [a1, 'Alice'],
      [a2, 'Alice'],
      [b1, 'Bob'],
    ] as const)
      await presence.connected(socket, name);
    for (const socket of [a1, a2, b1]) socket.rooms.add(rooms.conversation('c1'));
    await presence.startViewing('c1', a1);
    await presence.startViewing('c1', a2);
    const snapshot = await presence.startViewing('c1', b1);
    expect(snapshot.viewers).toEqual([
      { userId: alice.id, name: 'Alice' },
      { userId: bob.id, name: 'Bob' },
    ]);

    expect(presence.setTyping('c1', a1, true)).toBe(true);
    expect(presence.setTyping('c1', a1, true)).toBe(false);
    await flush();
    expect(updates('c1').pop()?.typing).toEqual([{ userId: alice.id, name: 'Alice' }]);

    a1.rooms.delete(rooms.conversation('c1'));
    await presence.stopViewing('c1', a1);
    const after = updates('c1').pop();
    expect(after?.typing).toEqual([]);
    expect(after?.viewers.map((v) => v.userId)).toEqual([alice.id, bob.id]); // Alice still views on her other tab
  });

  it('typing expires without a new signal', async () => {
    jest.useFakeTimers();
    try {
      const a1 = open('a1', alice);
      a1.rooms.add(rooms.conversation('c1'));
      a1.data.name = 'Alice';
      presence.setTyping('c1', a1, true);
      jest.advanceTimersByTime(TYPING_TTL_MS - 100);
      expect((await presence.snapshot('c1')).typing).toHaveLength(1);
      jest.advanceTimersByTime(200);
      expect((await presence.snapshot('c1')).typing).toEqual([]);
      expect(presence.setTyping('c1', a1, false)).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
