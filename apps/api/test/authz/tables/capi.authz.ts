import { admin, member, RouteAuthz, scoped } from '../authz-entry';

/** capi/: outcomes on a conversation, Conversions API settings and event log, attribution */
export const CAPI: RouteAuthz[] = [
  scoped('GET /api/conversations/:id/outcomes'),
  scoped('POST /api/conversations/:id/outcomes', { type: 'lead' }),
  admin('GET /api/capi/settings'),
  admin('PATCH /api/capi/settings/:channelId'),
  admin('POST /api/capi/settings/:channelId/dataset'),
  admin('GET /api/capi/events'),
  admin('POST /api/capi/events/:id/resend'),
  member('GET /api/attribution'),
];
