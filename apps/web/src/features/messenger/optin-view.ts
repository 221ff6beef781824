import type { MessengerOptinDto } from '@ticklegram/domain-models';

const KIND_LABELS: Record<string, string> = {
  notification_messages: 'Marketing messages',
  one_time_notif_req: 'One-time notification',
  send_to_messenger: 'Send to Messenger',
};

export interface OptinView {
  id: string;
  /** What they subscribed to, or the kind when Meta named no topic. */
  title: string;
  kind: string;
  /** Marketing messages may be sent now: subscribed and the token has not expired. */
  active: boolean;
  status: 'Subscribed' | 'Stopped' | 'Expired';
  /** "Opted in …", "Stopped …", "Token expires …" lines, plain words. */
  details: string[];
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** How the contact panel shows an opt-in. */
export function optinView(optin: MessengerOptinDto, now = Date.now()): OptinView {
  const kind = KIND_LABELS[optin.kind] ?? optin.kind.replace(/_/g, ' ');
  const stopped = optin.status === 'stopped';
  const expired = !stopped && optin.tokenExpiresAt !== null && Date.parse(optin.tokenExpiresAt) <= now;
  const details = [`Opted in ${day(optin.optedInAt)}`];
  if (stopped) details.push(`Stopped ${day(optin.updatedAt)}`);
  else if (optin.tokenExpiresAt) details.push(`${expired ? 'Expired' : 'Expires'} ${day(optin.tokenExpiresAt)}`);
  return {
    id: optin.id,
    title: optin.topic || kind,
    kind,
    active: !stopped && !expired,
    status: stopped ? 'Stopped' : expired ? 'Expired' : 'Subscribed',
    details,
  };
}
