import type { SimPage } from '../state/model';
import type { SimContext } from '../sim-context';
import { policyEnforcementEvent } from '../webhooks/platform-events';

/**
 * Meta's policy enforcement on a Page: `block` restricts the Page from sending (the Send API answers
 * 10 / 1893063) until `unblock`; `warning` only notifies. Each sends `messaging_policy_enforcement`.
 */
export function enforcePolicy(ctx: SimContext, page: SimPage, action: 'block' | 'unblock' | 'warning', reason?: string): void {
  const now = Date.now();
  const text =
    reason ??
    (action === 'unblock'
      ? 'The restriction on your Page has been lifted.'
      : 'The bot violated our Platform Policies (https://developers.facebook.com/policy/#messengerplatform). Common violations include sending out excessive spammy messages or being non-functional.');
  if (action === 'block') page.restriction = { reason: text, since: now };
  if (action === 'unblock') page.restriction = undefined;
  ctx.webhooks.enqueue(policyEnforcementEvent(page.id, now, action, text));
  ctx.store.changed('page', page.id);
}
