import { admin, member, RouteAuthz } from '../authz-entry';

/** analytics/: agents read their own figures and the team's totals; admins change settings and rebuild */
export const ANALYTICS: RouteAuthz[] = [
  member('GET /api/analytics/overview'),
  member('GET /api/analytics/:table'),
  admin('GET /api/analytics/settings'),
  admin('PUT /api/analytics/settings'),
  admin('POST /api/analytics/rebuild'),
];
