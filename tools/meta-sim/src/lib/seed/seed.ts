import type { SimCustomer, SimMessage } from '../state/model';
import type { SimStore } from '../state/store';
import { seedAds, seededAdReferral } from './seed-ads';
import { seedContent } from './seed-content';
import { seedHistory } from './seed-history';
import { seedInsights } from './seed-insights';
import { SIM_SEED } from './seed-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SIXTY_DAYS = 60 * DAY;

/** Permissions granted to the seeded admin's user token and the Page token derived from it. */
export const FB_SCOPES = [
  'pages_show_list',
  'pages_messaging',
  'pages_manage_metadata',
  'pages_read_engagement',
  'pages_manage_engagement',
  'instagram_basic',
  'instagram_manage_messages',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'page_utility_messaging',
  'business_management',
  'ads_read',
  'page_events',
  'instagram_manage_events',
];

export const INSTAGRAM_APP_FIELDS = [
  'messages',
  'message_echoes',
  'message_reactions',
  'messaging_postbacks',
  'messaging_referral',
  'messaging_seen',
  'message_edit',
  'comments',
  'live_comments',
  'mentions',
  'story_insights',
  'standby',
];

export const PAGE_SEED_FIELDS = [
  'messages',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'message_reactions',
  'message_edits',
  'messaging_postbacks',
  'messaging_referrals',
  'feed',
  'mention',
  'messenger_template_status_update',
  'messaging_handovers',
  'standby',
  'messaging_optins',
  'messaging_policy_enforcement',
];

export function seedStore(store: SimStore, now: number = Date.now()): void {
  const cdn = `${store.settings.publicUrl}/cdn`;
  const appId = store.settings.appId;
  const s = SIM_SEED;

  store.users.set(s.admin.id, { id: s.admin.id, name: s.admin.name });
  store.apps.set(appId, { id: appId, name: store.settings.appName });
  store.apps.set(s.otherApps.pageInbox.id, { ...s.otherApps.pageInbox });
  store.apps.set(s.otherApps.bot.id, { ...s.otherApps.bot });
  store.pages.set(s.page.id, {
    id: s.page.id,
    name: s.page.name,
    username: s.page.username,
    category: 'Clothing Store',
    pictureUrl: `${cdn}/avatar/${s.page.id}.png`,
    instagramAccountId: s.instagram.id,
    adminUserIds: [s.admin.id],
    appRoles: { [appId]: ['primary_receiver'], [s.otherApps.bot.id]: ['secondary_receiver'] },
  });
  store.instagramAccounts.set(s.instagram.id, {
    id: s.instagram.id,
    username: s.instagram.username,
    name: s.instagram.name,
    biography: 'Rain jackets & more. DM us!',
    website: 'https://example.com',
    profilePictureUrl: `${cdn}/avatar/${s.instagram.id}.png`,
    followersCount: 1520,
    followsCount: 210,
    via: 'page',
    pageId: s.page.id,
  });
  store.instagramAccounts.set(s.instagramLogin.id, {
    id: s.instagramLogin.id,
    username: s.instagramLogin.username,
    name: s.instagramLogin.name,
    biography: 'Yoga studio',
    website: 'https://studio.example.com',
    profilePictureUrl: `${cdn}/avatar/${s.instagramLogin.id}.png`,
    followersCount: 430,
    followsCount: 88,
    via: 'instagram_login',
    appScopedId: s.instagramLogin.appScopedId,
  });

  // Tokens
  store.tokens.set(s.admin.userToken, {
    token: s.admin.userToken,
    type: 'USER',
    appId,
    subjectId: s.admin.id,
    userId: s.admin.id,
    scopes: [...FB_SCOPES],
    issuedAt: now,
    expiresAt: now + SIXTY_DAYS,
    longLived: true,
  });
  store.tokens.set(s.page.accessToken, {
    token: s.page.accessToken,
    type: 'PAGE',
    appId,
    subjectId: s.page.id,
    userId: s.admin.id,
    scopes: [...FB_SCOPES],
    issuedAt: now,
    expiresAt: 0,
    longLived: true,
  });
  store.tokens.set(s.instagramLogin.accessToken, {
    token: s.instagramLogin.accessToken,
    type: 'IG_USER',
    appId,
    subjectId: s.instagramLogin.id,
    scopes: ['instagram_business_basic', 'instagram_business_manage_messages', 'instagram_business_manage_comments', 'instagram_business_manage_insights'],
    issuedAt: now,
    expiresAt: now + SIXTY_DAYS,
    longLived: true,
  });

  // Subscriptions: the seeded accounts are already subscribed so the demo works out of the box.
  store.subscriptions.set(s.page.id, { accountId: s.page.id, appId, fields: [...PAGE_SEED_FIELDS], active: true });
  store.subscriptions.set(s.instagramLogin.id, {
    accountId: s.instagramLogin.id,
    appId,
    fields: ['messages', 'message_echoes', 'message_reactions', 'messaging_postbacks', 'messaging_referral', 'messaging_seen', 'message_edit', 'comments'],
    active: true,
  });

  const addCustomer = (c: SimCustomer, lastHoursAgo: number, opener: string, reply: string, adReferral?: Record<string, unknown>): void => {
    store.customers.set(c.id, c);
    const conv = store.conversationOf(c);
    const t = now - lastHoursAgo * HOUR;
    const inbound: SimMessage = {
      mid: store.newMid(c.platform),
      conversationId: conv.id,
      direction: 'inbound',
      senderId: c.id,
      recipientId: c.accountId,
      createdAt: t - 5 * 60_000,
      text: opener,
      attachments: [],
      isDeleted: false,
      numEdit: 0,
      reactions: {},
      referral: adReferral,
    };
    if (adReferral) conv.referrals.push({ at: inbound.createdAt, referral: adReferral });
    const outbound: SimMessage = {
      mid: store.newMid(c.platform),
      conversationId: conv.id,
      direction: 'outbound',
      senderId: c.accountId,
      recipientId: c.id,
      createdAt: t - 4 * 60_000,
      text: reply,
      attachments: [],
      isDeleted: false,
      numEdit: 0,
      reactions: {},
      appId,
      messagingType: 'RESPONSE',
      deliveredAt: t - 4 * 60_000,
      readAt: t - 3 * 60_000,
    };
    const last: SimMessage = {
      mid: store.newMid(c.platform),
      conversationId: conv.id,
      direction: 'inbound',
      senderId: c.id,
      recipientId: c.accountId,
      createdAt: t,
      text: 'Thanks!',
      attachments: [],
      isDeleted: false,
      numEdit: 0,
      reactions: {},
    };
    store.addMessage(inbound);
    store.addMessage(outbound);
    store.addMessage(last);
    conv.lastCustomerActivityAt = t;
    conv.customerReadAt = t - 3 * 60_000;
  };

  s.messengerCustomers.forEach((c, i) => {
    addCustomer(
      {
        id: c.psid,
        platform: 'messenger',
        accountId: s.page.id,
        name: c.name,
        firstName: c.firstName,
        lastName: c.lastName,
        feedUserId: c.feedUserId,
        profilePicUrl: `${cdn}/avatar/${c.psid}.png`,
        followerCount: 0,
        isUserFollowBusiness: true,
        isBusinessFollowUser: false,
        isVerifiedUser: false,
        locale: ['en_US', 'de_DE', 'ja_JP', 'es_ES'][i] ?? 'en_US',
        timezone: [0, 1, 9, 1][i] ?? 0,
      },
      c.lastMessageHoursAgo,
      ['Hi, is the blue jacket still in stock?', 'Wann kommt meine Bestellung?', 'Do you ship to Japan?', '¿Tienen la talla M?'][i] ?? 'Hi',
      'Hi! Let me check that for you.',
      i === 3 ? seededAdReferral(store.settings.publicUrl, 'springSale') : undefined,
    );
  });
  const igCustomer = (list: ReadonlyArray<{ igsid: string; username: string; name: string; lastMessageHoursAgo: number }>, accountId: string): void => {
    list.forEach((c, i) => {
      const [first, ...rest] = c.name.split(' ');
      addCustomer(
        {
          id: c.igsid,
          platform: 'instagram',
          accountId,
          name: c.name,
          firstName: first ?? c.name,
          lastName: rest.join(' '),
          username: c.username,
          profilePicUrl: `${cdn}/avatar/${c.igsid}.png`,
          followerCount: 120 + i * 317,
          isUserFollowBusiness: i % 2 === 0,
          isBusinessFollowUser: i === 0,
          isVerifiedUser: false,
          locale: 'en_US',
          timezone: 0,
        },
        c.lastMessageHoursAgo,
        ['Do you ship to Austria?', 'song name?', 'Is the sale still on?', 'Love the new drop 😍'][i] ?? 'Hello',
        'Hey! Thanks for reaching out.',
        accountId === s.instagram.id && i === 3 ? seededAdReferral(store.settings.publicUrl, 'springDrop') : undefined,
      );
    });
  };
  igCustomer(s.instagramCustomers, s.instagram.id);
  igCustomer(s.instagramLoginCustomers, s.instagramLogin.id);
  const noah = s.newCustomers;
  const noahCommon = {
    firstName: 'Noah',
    lastName: 'Fischer',
    name: noah.messenger.name,
    followerCount: 88,
    isUserFollowBusiness: false,
    isBusinessFollowUser: false,
    isVerifiedUser: false,
    locale: 'de_AT',
    timezone: 1,
  };
  store.customers.set(noah.messenger.psid, {
    ...noahCommon,
    id: noah.messenger.psid,
    platform: 'messenger',
    accountId: s.page.id,
    feedUserId: noah.messenger.feedUserId,
    profilePicUrl: `${cdn}/avatar/${noah.messenger.psid}.png`,
  });
  store.customers.set(noah.instagram.igsid, {
    ...noahCommon,
    id: noah.instagram.igsid,
    platform: 'instagram',
    accountId: s.instagram.id,
    username: noah.instagram.username,
    profilePicUrl: `${cdn}/avatar/${noah.instagram.igsid}.png`,
  });

  seedHistory(store);
  seedContent(store, now);
  seedAds(store, now);

  // Templates
  const tpl = s.templates;
  store.templates.set(tpl.approved.id, {
    id: tpl.approved.id,
    pageId: s.page.id,
    name: tpl.approved.name,
    language: tpl.approved.language,
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Jane', '#1001']] } }],
    parameterFormat: 'POSITIONAL',
    status: 'APPROVED',
    createdAt: now - 10 * DAY,
    deleted: false,
  });
  store.templates.set(tpl.pending.id, {
    id: tpl.pending.id,
    pageId: s.page.id,
    name: tpl.pending.name,
    language: tpl.pending.language,
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Reminder: your appointment is on {{1}}.', example: { body_text: [['Monday 10:00']] } }],
    parameterFormat: 'POSITIONAL',
    status: 'PENDING',
    createdAt: now - DAY,
    deleted: false,
  });

  store.templates.set(tpl.withButtons.id, {
    id: tpl.withButtons.id,
    pageId: s.page.id,
    name: tpl.withButtons.name,
    language: tpl.withButtons.language,
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Delivery update' },
      { type: 'BODY', text: 'Hi {{1}}, your order {{2}} arrives on {{3}}.', example: { body_text: [['Jane', '#1001', 'Friday']] } },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}', example: ['https://example.com/track/1001'] },
          { type: 'POSTBACK', text: 'Talk to us', payload: 'TALK_TO_US' },
        ],
      },
    ],
    parameterFormat: 'POSITIONAL',
    status: 'APPROVED',
    createdAt: now - 7 * DAY,
    deleted: false,
  });
  store.templates.set(tpl.rejected.id, {
    id: tpl.rejected.id,
    pageId: s.page.id,
    name: tpl.rejected.name,
    language: tpl.rejected.language,
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Spring sale! Get 20% off with code {{1}} this weekend.', example: { body_text: [['SPRING20']] } }],
    parameterFormat: 'POSITIONAL',
    status: 'REJECTED',
    rejectedReason: 'TAG_SHOULD_BE_MARKETING',
    createdAt: now - 3 * DAY,
    deleted: false,
  });

  store.pixels.set(s.pixel.id, { id: s.pixel.id, name: s.pixel.name, events: [] });
  store.pixels.set(s.datasets.page, { id: s.datasets.page, name: `${s.page.name} dataset`, ownerId: s.page.id, events: [] });
  store.pixels.set(s.datasets.instagram, { id: s.datasets.instagram, name: `@${s.instagram.username} dataset`, ownerId: s.instagram.id, events: [] });

  seedInsights(store, now);
}
