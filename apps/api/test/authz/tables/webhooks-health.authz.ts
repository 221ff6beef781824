import { admin, open, RouteAuthz } from '../authz-entry';

/** webhooks/ (Meta's callbacks are public and signed; the admin view of deliveries is not) and health/ */
export const WEBHOOKS_HEALTH: RouteAuthz[] = [
  open('GET /webhooks/instagram'),
  open('GET /webhooks/facebook'),
  open('GET /webhook'),
  // Meta's POSTs never reach the Nest router: webhooks/intake answers them ahead of the middleware (signature
  // on the raw bytes, size and rate budgets); webhooks-intake.int-spec and the hostile-input suite cover them
  admin('GET /api/webhook-events'),
  admin('GET /api/webhook-events/:id'),
  admin('POST /api/webhook-events/:id/replay'),
  open('GET /api/health'),
];
