import { admin, open, RouteAuthz } from '../authz-entry';

/** webhooks/ (Meta's callbacks are public and signed; the admin view of deliveries is not) and health/ */
export const WEBHOOKS_HEALTH: RouteAuthz[] = [
  open('GET /webhooks/instagram'),
  open('GET /webhooks/facebook'),
  open('GET /webhook'),
  open('POST /webhooks/instagram'),
  open('POST /webhooks/facebook'),
  open('POST /webhook'),
  admin('GET /api/webhook-events'),
  admin('GET /api/webhook-events/:id'),
  admin('POST /api/webhook-events/:id/replay'),
  open('GET /api/health'),
];
