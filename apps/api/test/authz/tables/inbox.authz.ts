import { member, RouteAuthz, scoped } from '../authz-entry';

/** inbox/, assignment/, priority/, notes/, labels on a conversation, media of its messages */
export const INBOX: RouteAuthz[] = [
  member('GET /api/conversations'),
  member('GET /api/conversations/counts'),
  scoped('GET /api/conversations/:id'),
  scoped('GET /api/conversations/:id/contact'),
  scoped('GET /api/conversations/:id/messages'),
  scoped('GET /api/conversations/:id/labels'),
  scoped('PUT /api/conversations/:id/labels', { labelIds: [] }),
  scoped('GET /api/conversations/:id/comments'),
  scoped('POST /api/conversations/:id/assign', { assigneeId: null }),
  scoped('PATCH /api/conversations/:id', { status: 'pending' }),
  scoped('PUT /api/conversations/:id/priority', { priority: 'high' }),
  scoped('GET /api/conversations/:id/notes'),
  // messenger/: the customer's opt-ins (Instagram conversations answer an empty list)
  scoped('GET /api/conversations/:id/optins'),
  scoped('POST /api/conversations/:id/notes', { body: 'authz matrix note' }),
  // the message's conversation is checked (media of a conversation the caller may not see is a 404)
  member('GET /api/media/messages/:messageId/:index'),
];
