/**
 * One row of the authorization matrix: who may call a route. `admin`: admins only; `member`: admins and
 * agents; `public`: anyone (the handler checks what it needs itself, e.g. a webhook signature).
 * `conversation`: `:id` is a conversation — agents reach only their own and unassigned ones (any other is
 * answered like a conversation that does not exist), admins every one. `body` is a valid body, so the
 * request gets past validation to the scope check. `comment`: `:id` is a comment, scoped the same way by
 * its assignee (another agent's comment answers `COMMENTS_NOT_FOUND`, like one that does not exist).
 */
export interface RouteAuthz {
  route: string;
  access: 'public' | 'admin' | 'member';
  conversation?: { body?: object };
  comment?: { body?: object };
}

/** A client → server socket event. `conversation`: its payload names a conversation, scoped like above. */
export interface SocketEventAuthz {
  event: string;
  payload?: (conversationId: string) => object;
  conversation?: boolean;
}

export const member = (route: string): RouteAuthz => ({ route, access: 'member' });
export const admin = (route: string): RouteAuthz => ({ route, access: 'admin' });
export const open = (route: string): RouteAuthz => ({ route, access: 'public' });
export const scoped = (route: string, body?: object): RouteAuthz => ({ route, access: 'member', conversation: { body } });
export const commentScoped = (route: string, body?: object): RouteAuthz => ({ route, access: 'member', comment: { body } });
