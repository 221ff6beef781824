import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConversationPresenceEvent, PresenceUserDto, Role, rooms } from '@ticklegram/domain-models';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

/** How long a "typing" stays on without a new signal (the composer re-sends while the agent types). */
export const TYPING_TTL_MS = 6_000;
const ONLINE_CACHE_MS = 2_000;

/** Presence lives on the sockets themselves, so every api replica can read it through the adapter. */
export interface PresenceSocketData {
  user: AuthUser;
  name?: string;
  /** conversationId → epoch ms until which the user counts as typing there. */
  typing?: Record<string, number>;
}

/** The part of a (local or remote) socket presence reads. */
interface PresenceSocket {
  id: string;
  data: Partial<PresenceSocketData>;
  rooms: Set<string>;
}

export interface OnlineUser extends PresenceUserDto {
  role: Role;
}

/**
 * Who is online, viewing and typing. The truth is Socket.IO's room membership plus `socket.data`
 * (name, typing deadlines), read with `fetchSockets()` — with the Redis adapter that spans every api
 * replica, so two agents on different replicas still see each other. Only timers and "which rooms did
 * this local socket view" are kept in this process.
 */
@Injectable()
export class PresenceService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceService.name);
  /** local socket id → conversations it joined (rooms are already gone when `disconnect` fires). */
  private readonly viewing = new Map<string, Set<string>>();
  /** local `${socketId}|${conversationId}` → typing expiry timer. */
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  private onlineCache: { at: number; users: OnlineUser[] } | null = null;
  /** Set before the socket server closes: the disconnects it causes need no presence work (the adapter is going away). */
  private closing = false;

  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly realtime: RealtimeService,
  ) {}

  /** A socket of this user connected (the first of this replica announces them online; repeats are harmless). */
  async connected(socket: PresenceSocket, name: string): Promise<void> {
    socket.data.name = name;
    socket.data.typing = {};
    this.onlineCache = null;
    const user = socket.data.user;
    if (!user) return;
    const local = (await this.socketsIn(rooms.user(user.id))).filter((s) => s.id !== socket.id);
    if (local.length === 0) this.announceOnline({ userId: user.id, name }, true);
  }

  async disconnected(socketId: string, user: AuthUser, name: string | undefined): Promise<void> {
    this.onlineCache = null;
    if (this.closing) return;
    const joined = this.viewing.get(socketId) ?? new Set<string>();
    this.viewing.delete(socketId);
    for (const conversationId of joined) {
      this.clearTimer(socketId, conversationId);
      await this.publish(conversationId);
    }
    if ((await this.socketsIn(rooms.user(user.id))).length === 0) this.announceOnline({ userId: user.id, name: name ?? user.email }, false);
  }

  /** Call after the socket joined the conversation room. */
  async startViewing(conversationId: string, socket: PresenceSocket): Promise<ConversationPresenceEvent> {
    const joined = this.viewing.get(socket.id) ?? new Set<string>();
    joined.add(conversationId);
    this.viewing.set(socket.id, joined);
    return this.publish(conversationId);
  }

  /** Call after the socket left the conversation room. */
  async stopViewing(conversationId: string, socket: PresenceSocket): Promise<void> {
    this.viewing.get(socket.id)?.delete(conversationId);
    this.clearTimer(socket.id, conversationId);
    if (socket.data.typing) delete socket.data.typing[conversationId];
    await this.publish(conversationId);
  }

  /** Sockets were removed from the room (lost access): tell the ones still in it. */
  async evicted(conversationId: string): Promise<void> {
    await this.publish(conversationId);
  }

  /** Returns whether the typing state changed (started, or stopped before it expired). */
  setTyping(conversationId: string, socket: PresenceSocket, typing: boolean, now = Date.now()): boolean {
    const deadlines = (socket.data.typing ??= {});
    const wasTyping = (deadlines[conversationId] ?? 0) > now;
    this.clearTimer(socket.id, conversationId);
    if (!typing) {
      delete deadlines[conversationId];
      if (wasTyping) void this.publish(conversationId);
      return wasTyping;
    }
    deadlines[conversationId] = now + TYPING_TTL_MS;
    const timer = setTimeout(() => {
      this.typingTimers.delete(`${socket.id}|${conversationId}`);
      delete deadlines[conversationId];
      void this.publish(conversationId);
    }, TYPING_TTL_MS);
    timer.unref?.();
    this.typingTimers.set(`${socket.id}|${conversationId}`, timer);
    if (!wasTyping) void this.publish(conversationId);
    return !wasTyping;
  }

  /** Viewers and typists of a conversation, across replicas. */
  async snapshot(conversationId: string, now = Date.now()): Promise<ConversationPresenceEvent> {
    const sockets = await this.socketsIn(rooms.conversation(conversationId));
    const viewers = new Map<string, PresenceUserDto>();
    const typing = new Map<string, PresenceUserDto>();
    for (const socket of sockets) {
      const user = socket.data.user;
      if (!user) continue;
      const person = { userId: user.id, name: socket.data.name ?? user.email };
      viewers.set(user.id, person);
      if ((socket.data.typing?.[conversationId] ?? 0) > now) typing.set(user.id, person);
    }
    return { conversationId, viewers: [...viewers.values()], typing: [...typing.values()] };
  }

  /** Everyone with a connected socket, across replicas (briefly cached: round-robin asks on every new conversation). */
  async onlineUsers(): Promise<OnlineUser[]> {
    if (this.onlineCache && Date.now() - this.onlineCache.at < ONLINE_CACHE_MS) return this.onlineCache.users;
    const sockets = await this.socketsIn([rooms.role(Role.ADMIN), rooms.role(Role.AGENT)]);
    const users = new Map<string, OnlineUser>();
    for (const socket of sockets) {
      const user = socket.data.user;
      if (user) users.set(user.id, { userId: user.id, name: socket.data.name ?? user.email, role: user.role });
    }
    this.onlineCache = { at: Date.now(), users: [...users.values()] };
    return this.onlineCache.users;
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  onApplicationShutdown(): void {
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
  }

  private async publish(conversationId: string): Promise<ConversationPresenceEvent> {
    if (this.closing) return { conversationId, viewers: [], typing: [] };
    const snapshot = await this.snapshot(conversationId);
    this.realtime.toConversation(conversationId, 'presence.updated', snapshot);
    return snapshot;
  }

  private announceOnline(user: PresenceUserDto, online: boolean): void {
    this.realtime.toRooms([rooms.role(Role.ADMIN), rooms.role(Role.AGENT)], 'presence.online_changed', { user, online });
  }

  private clearTimer(socketId: string, conversationId: string): void {
    const key = `${socketId}|${conversationId}`;
    const timer = this.typingTimers.get(key);
    if (timer) clearTimeout(timer);
    this.typingTimers.delete(key);
  }

  /** Sockets in the room(s) on every replica; if another replica does not answer in time, this one's only. */
  private async socketsIn(room: string | string[]): Promise<PresenceSocket[]> {
    const server = this.gateway.server;
    if (!server) return [];
    try {
      return (await server.in(room).fetchSockets()) as unknown as PresenceSocket[];
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'presence: other replicas did not answer; using local sockets');
      return (await server.local.in(room).fetchSockets()) as unknown as PresenceSocket[];
    }
  }
}
