import { admin, member, open, RouteAuthz } from '../authz-entry';

/** auth/ and users/ */
export const AUTH_USERS: RouteAuthz[] = [
  open('POST /api/auth/login'),
  open('POST /api/auth/refresh'),
  open('POST /api/auth/logout'),
  member('GET /api/auth/me'),
  admin('GET /api/users'),
  member('GET /api/users/directory'),
  admin('POST /api/users'),
  admin('PATCH /api/users/:id'),
];
