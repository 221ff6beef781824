import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConversationPresenceEvent, PresenceUserDto, Role } from '@ticklegram/domain-models';
import { RealtimeService } from './realtime.service';

/** How long a "typing" stays on without a new signal (the composer re-sends while the agent types). */
export const TYPING_TTL_MS = 6_000;

interface OnlineUser {
  name: string;
  role: Role;
  sockets: Set<string>;
}

/**
 * Who is online (sockets per user), who is viewing and who is typing in each conversation. Kept in
 * this process's memory: with several api replicas each one knows its own sockets (see README gap).
 */
@Injectable()
export class PresenceService implements OnApplicationShutdown {
  private readonly online = new Map<string, OnlineUser>();
  /** conversationId → userId → socket ids viewing it. */
  private readonly viewers = new Map<string, Map<string, Set<string>>>();
  /** conversationId → userId → expiry timer. */
  private readonly typing = new Map<string, Map<string, NodeJS.Timeout>>();

  constructor(private readonly realtime: RealtimeService) {}

  /** Returns true when this is the user's first socket. */
  connected(socketId: string, user: { id: string; name: string; role: Role }): boolean {
    const entry = this.online.get(user.id);
    if (entry) {
      entry.sockets.add(socketId);
      return false;
    }
    this.online.set(user.id, { name: user.name, role: user.role, sockets: new Set([socketId]) });
    this.realtime.toRole(Role.ADMIN, 'presence.online_changed', { user: { userId: user.id, name: user.name }, online: true });
    this.realtime.toRole(Role.AGENT, 'presence.online_changed', { user: { userId: user.id, name: user.name }, online: true });
    return true;
  }

  disconnected(socketId: string, userId: string): void {
    for (const conversationId of [...this.viewers.keys()]) this.stopViewing(conversationId, socketId, userId);
    const entry = this.online.get(userId);
    if (!entry) return;
    entry.sockets.delete(socketId);
    if (entry.sockets.size > 0) return;
    this.online.delete(userId);
    const payload = { user: { userId, name: entry.name }, online: false };
    this.realtime.toRole(Role.ADMIN, 'presence.online_changed', payload);
    this.realtime.toRole(Role.AGENT, 'presence.online_changed', payload);
  }

  isOnline(userId: string): boolean {
    return this.online.has(userId);
  }

  onlineUsers(): (PresenceUserDto & { role: Role })[] {
    return [...this.online.entries()].map(([userId, u]) => ({ userId, name: u.name, role: u.role }));
  }

  startViewing(conversationId: string, socketId: string, userId: string): ConversationPresenceEvent {
    const byUser = this.viewers.get(conversationId) ?? new Map<string, Set<string>>();
    this.viewers.set(conversationId, byUser);
    const sockets = byUser.get(userId) ?? new Set<string>();
    const isNew = sockets.size === 0;
    sockets.add(socketId);
    byUser.set(userId, sockets);
    if (isNew) this.publish(conversationId);
    return this.snapshot(conversationId);
  }

  /** Returns whether the user stopped viewing altogether (their last socket left). */
  stopViewing(conversationId: string, socketId: string, userId: string): boolean {
    const byUser = this.viewers.get(conversationId);
    const sockets = byUser?.get(userId);
    if (!byUser || !sockets?.delete(socketId)) return false;
    if (sockets.size > 0) return false;
    byUser.delete(userId);
    if (byUser.size === 0) this.viewers.delete(conversationId);
    this.clearTyping(conversationId, userId);
    this.publish(conversationId);
    return true;
  }

  /** Removes a user from a conversation entirely (lost access). */
  evict(conversationId: string, userId: string): void {
    const had = this.viewers.get(conversationId)?.delete(userId) ?? false;
    if (this.viewers.get(conversationId)?.size === 0) this.viewers.delete(conversationId);
    const typed = this.clearTyping(conversationId, userId);
    if (had || typed) this.publish(conversationId);
  }

  /** Returns whether the user's typing state changed (started, or stopped before it expired). */
  setTyping(conversationId: string, userId: string, typing: boolean): boolean {
    const byUser = this.typing.get(conversationId) ?? new Map<string, NodeJS.Timeout>();
    this.typing.set(conversationId, byUser);
    const existing = byUser.get(userId);
    if (existing) clearTimeout(existing);
    if (!typing) {
      const stopped = this.clearTyping(conversationId, userId);
      if (stopped) this.publish(conversationId);
      return stopped;
    }
    const timer = setTimeout(() => {
      if (this.clearTyping(conversationId, userId)) this.publish(conversationId);
    }, TYPING_TTL_MS);
    timer.unref?.();
    byUser.set(userId, timer);
    if (!existing) this.publish(conversationId);
    return !existing;
  }

  snapshot(conversationId: string): ConversationPresenceEvent {
    const person = (userId: string): PresenceUserDto => ({ userId, name: this.online.get(userId)?.name ?? 'Teammate' });
    return {
      conversationId,
      viewers: [...(this.viewers.get(conversationId)?.keys() ?? [])].map(person),
      typing: [...(this.typing.get(conversationId)?.keys() ?? [])].map(person),
    };
  }

  onApplicationShutdown(): void {
    for (const byUser of this.typing.values()) for (const timer of byUser.values()) clearTimeout(timer);
    this.typing.clear();
  }

  private clearTyping(conversationId: string, userId: string): boolean {
    const byUser = this.typing.get(conversationId);
    const timer = byUser?.get(userId);
    if (!byUser || !timer) return false;
    clearTimeout(timer);
    byUser.delete(userId);
    if (byUser.size === 0) this.typing.delete(conversationId);
    return true;
  }

  private publish(conversationId: string): void {
    this.realtime.toConversation(conversationId, 'presence.updated', this.snapshot(conversationId));
  }
}
