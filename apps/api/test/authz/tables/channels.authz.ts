import { admin, member, RouteAuthz } from '../authz-entry';

/** channels/, instagram/, messenger/ (connecting accounts is an admin's job) */
export const CHANNELS: RouteAuthz[] = [
  member('GET /api/channels'),
  admin('POST /api/channels/:id/check'),
  admin('GET /api/instagram/accounts'),
  admin('GET /api/instagram/oauth/start'),
  admin('POST /api/instagram/oauth/complete'),
  admin('POST /api/instagram/accounts/token'),
  admin('POST /api/instagram/accounts/:id/reconnect'),
  admin('PATCH /api/instagram/accounts/:id'),
  admin('DELETE /api/instagram/accounts/:id'),
  admin('GET /api/facebook/pages'),
  admin('GET /api/facebook/oauth/start'),
  admin('POST /api/facebook/oauth/complete'),
  admin('POST /api/facebook/pages'),
  admin('POST /api/facebook/pages/token'),
  admin('POST /api/facebook/pages/:id/reconnect'),
  admin('PATCH /api/facebook/pages/:id'),
  admin('DELETE /api/facebook/pages/:id'),
  // history/: import progress and gap recovery
  admin('GET /api/channels/history'),
  admin('POST /api/channels/:id/recover'),
];
