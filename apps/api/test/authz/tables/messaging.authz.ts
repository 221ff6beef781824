import { member, open, RouteAuthz, scoped } from '../authz-entry';

/** messaging/ */
export const MESSAGING: RouteAuthz[] = [
  scoped('GET /api/conversations/:id/reply-policy'),
  scoped('POST /api/conversations/:id/messages', { text: 'authz matrix' }),
  scoped('POST /api/conversations/:id/messages/:messageId/retry'),
  scoped('POST /api/conversations/:id/read'),
  scoped('POST /api/conversations/:id/messages/:mid/reactions', { action: 'unreact' }),
  member('POST /api/uploads'),
  // Meta fetches these: no session, an HMAC-signed expiring link instead
  open('GET /api/uploads/:id/content'),
];
