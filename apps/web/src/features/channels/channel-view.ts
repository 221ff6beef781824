import { ChannelStatus, MessagePlatform, type ChannelDto } from '@ticklegram/domain-models';

/** Pure helpers the channel components share (tested in channel-view.spec.ts). */

export function channelsNeedingAttention(channels: readonly ChannelDto[]): ChannelDto[] {
  return channels.filter((c) => c.status === ChannelStatus.NEEDS_REAUTH || (c.status === ChannelStatus.ACTIVE && c.health.subscription.state === 'missing'));
}

export function platformLabel(channel: Pick<ChannelDto, 'platform' | 'connection'>): string {
  if (channel.platform === MessagePlatform.FACEBOOK) return 'Facebook Page';
  return channel.connection === 'instagram_login' ? 'Instagram · Instagram Login' : 'Instagram · via Facebook Page';
}

export function statusLabel(status: ChannelStatus): string {
  switch (status) {
    case ChannelStatus.ACTIVE:
      return 'Healthy';
    case ChannelStatus.NEEDS_REAUTH:
      return 'Needs reconnecting';
    case ChannelStatus.DISCONNECTED:
      return 'Disconnected';
  }
}

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const diff = now - Date.parse(iso);
  const future = diff < 0;
  const abs = Math.abs(diff);
  const minutes = Math.round(abs / 60_000);
  const hours = Math.round(abs / 3_600_000);
  const days = Math.round(abs / 86_400_000);
  const text = abs < 45_000 ? 'moments' : minutes < 60 ? `${minutes} min` : hours < 36 ? `${hours} h` : `${days} days`;
  if (text === 'moments') return future ? 'in a moment' : 'just now';
  return future ? `in ${text}` : `${text} ago`;
}

export function tokenExpiryText(channel: ChannelDto, now = Date.now()): string {
  const at = channel.health.tokenExpiresAt;
  if (!at) return 'Does not expire';
  const ms = Date.parse(at) - now;
  if (ms <= 0) return 'Expired';
  const auto = channel.connection === 'instagram_login' ? ' (renewed automatically)' : '';
  return `Expires ${relativeTime(at, now)}${auto}`;
}

export function initials(name: string): string {
  return name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** Meta's policy enforcement on the channel, in plain words; null when there is none. */
export function restrictionNotice(channel: Pick<ChannelDto, 'restriction'>): { blocking: boolean; text: string } | null {
  const restriction = channel.restriction;
  if (!restriction) return null;
  const reason = restriction.reason?.trim() ? ` Meta's reason: “${restriction.reason.trim()}”` : '';
  return restriction.action === 'block'
    ? { blocking: true, text: `Meta has restricted this Page from sending messages. Replies are blocked until Meta lifts it.${reason}` }
    : { blocking: false, text: `Meta sent this Page a policy warning; sending still works.${reason}` };
}

const ROLE_NAMES: Record<string, string> = { primary_receiver: 'primary receiver', secondary_receiver: 'secondary receiver' };

/** This app's Handover Protocol role on a Page, e.g. "Primary receiver"; null when Meta has not told us. */
export function handoverRoleText(channel: Pick<ChannelDto, 'appRoles'>): string | null {
  const roles = (channel.appRoles ?? []).map((role) => ROLE_NAMES[role] ?? role.replace(/_/g, ' '));
  if (!roles.length) return null;
  const text = roles.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
