import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { WebhookIntake } from './webhook-intake';

/**
 * Puts {@link WebhookIntake} in front of the server's request listener (the Express app): Meta's POSTs are answered
 * before Express sees them, everything else goes to Express as before. Must run before Socket.IO attaches (it wraps
 * the listeners it finds, this one included), i.e. before the app is initialised.
 */
export function routeWebhooksFirst(server: Server, intake: WebhookIntake): void {
  const dashboard = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (intake.tryHandle(req, res)) return;
    for (const listener of dashboard) listener.call(server, req, res);
  });
}
