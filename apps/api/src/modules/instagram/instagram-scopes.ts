/** Webhook fields subscribed for an Instagram Login account (`POST graph.instagram.com/me/subscribed_apps`). */
export const INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS: readonly string[] = [
  'messages',
  'message_reactions',
  'messaging_postbacks',
  'messaging_referral',
  'messaging_seen',
  'message_edit',
  'comments',
  'live_comments',
];
