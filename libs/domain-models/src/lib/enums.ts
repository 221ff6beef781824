/** The Meta messaging platform a channel, contact or message belongs to. */
export enum MessagePlatform {
  INSTAGRAM = 'INSTAGRAM',
  FACEBOOK = 'FACEBOOK',
}

/** What a signed-in person may do. Admins manage channels, people and settings; agents answer. */
export enum Role {
  ADMIN = 'ADMIN',
  AGENT = 'AGENT',
}

export const ROLES: readonly Role[] = [Role.ADMIN, Role.AGENT];
export const MESSAGE_PLATFORMS: readonly MessagePlatform[] = [MessagePlatform.INSTAGRAM, MessagePlatform.FACEBOOK];
